package io.baseplane.app.axonserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.axoniq.axonserver.grpc.control.ClientIdentification;
import io.axoniq.axonserver.grpc.control.NodeInfo;
import io.axoniq.axonserver.grpc.control.PlatformInboundInstruction;
import io.axoniq.axonserver.grpc.control.PlatformInfo;
import io.axoniq.axonserver.grpc.control.PlatformOutboundInstruction;
import io.axoniq.axonserver.grpc.control.PlatformServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The readiness check of the connection, against Axon's real connector: UP once the connector is connected, DOWN when
 * the server goes away. Axon Server itself is not part of the test suite; what stands in for it here answers only the
 * connector's handshake (where the cluster's primary node is: right here) and keeps its control stream open.
 */
class AxonServerConnectionHealthIndicatorTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private Server handshakeOnly;
    private AxonServerConnectionManager connections;

    @AfterEach
    void stop() {
        if (connections != null) {
            connections.shutdown();
        }
        if (handshakeOnly != null) {
            handshakeOnly.shutdownNow();
        }
    }

    @Test
    void upWhileConnectedAndDownOnceTheServerIsGone() throws IOException {
        handshakeOnly = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(new HandshakeOnly())
                .build()
                .start();
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        configuration.setServers("127.0.0.1:" + handshakeOnly.getPort());
        configuration.setReconnectInterval(100);
        connections = AxonServerConnectionManager.builder().axonServerConfiguration(configuration).build();
        AxonServerConnectionHealthIndicator check =
                new AxonServerConnectionHealthIndicator(connections, configuration.getServers());

        connections.getConnection();

        Health connected = eventually(check::health, Status.UP);
        assertThat(connected.getDetails()).containsEntry("context", configuration.getContext())
                .containsEntry("servers", configuration.getServers())
                .doesNotContainKey("error");

        handshakeOnly.shutdownNow();

        Health gone = eventually(check::health, Status.DOWN);
        assertThat(gone.getDetails()).containsEntry("error", AxonServerConnectionHealthIndicator.NOT_CONNECTED);
    }

    @Test
    void downBeforeAnythingConnected() {
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        connections = AxonServerConnectionManager.builder().axonServerConfiguration(configuration).build();

        Health health = new AxonServerConnectionHealthIndicator(connections, configuration.getServers()).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    private static Health eventually(Supplier<Health> check, Status wanted) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Health health = check.get();
        while (!health.getStatus().equals(wanted) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            health = check.get();
        }
        assertThat(health.getStatus()).as(health.toString()).isEqualTo(wanted);
        return health;
    }

    /** Tells the connector to keep its connection (this node is the primary) and holds its control stream open. */
    private final class HandshakeOnly extends PlatformServiceGrpc.PlatformServiceImplBase {

        @Override
        public void getPlatformServer(ClientIdentification client, StreamObserver<PlatformInfo> answer) {
            answer.onNext(PlatformInfo.newBuilder()
                    .setSameConnection(true)
                    .setPrimary(NodeInfo.newBuilder().setHostName("127.0.0.1").setGrpcPort(handshakeOnly.getPort()))
                    .build());
            answer.onCompleted();
        }

        @Override
        public StreamObserver<PlatformInboundInstruction> openStream(StreamObserver<PlatformOutboundInstruction> out) {
            return new StreamObserver<>() {
                @Override
                public void onNext(PlatformInboundInstruction instruction) {
                    // The connector's registrations and heartbeats need no answer for the connection to stand.
                }

                @Override
                public void onError(Throwable error) {
                    // The connector went away; nothing to tidy up.
                }

                @Override
                public void onCompleted() {
                    out.onCompleted();
                }
            };
        }
    }
}
