package io.baseplane.app.axonserver;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness of the connection to Axon Server, reported as {@code axonServerConnection}: UP while this node is
 * connected to its context, DOWN otherwise (the connector keeps trying in the background). Axon's own indicator is
 * written against Spring Boot 3's health API and is not loaded on Boot 4; it also counts a context nobody has
 * connected to yet as UP.
 */
class AxonServerConnectionHealthIndicator extends AbstractHealthIndicator {

    static final String NOT_CONNECTED = "not connected to Axon Server; the connector keeps trying";

    private final AxonServerConnectionManager connections;
    private final String servers;

    AxonServerConnectionHealthIndicator(AxonServerConnectionManager connections, String servers) {
        super("Axon Server connection check failed");
        this.connections = connections;
        this.servers = servers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String context = connections.getDefaultContext();
        if (connections.isConnected(context)) {
            builder.up();
        } else {
            builder.down().withDetail("error", NOT_CONNECTED);
        }
        builder.withDetail("context", context).withDetail("servers", servers);
    }
}
