package io.baseplane.app.node;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This instance's place among the platform's nodes.
 *
 * @param roles             what this node does (default: all); see {@link NodeRole}
 * @param heartbeatInterval how often a node says it is alive (and which processors it runs) and looks at the others
 *                          and at the segments
 * @param deadAfter         a processing node not heard of for this long no longer counts when the segments are shared
 *                          out; below the token claim timeout, so the survivors' shares include a dead node's segments
 *                          by the time its claims expire
 * @param claimTimeout      a segment claim not extended for this long may be taken by another node (Axon's token
 *                          claim timeout): how long a dead node's segments wait, and how long a live node may go
 *                          without extending its claims
 */
@ConfigurationProperties("baseplane.node")
public record NodeProperties(Set<NodeRole> roles, Duration heartbeatInterval, Duration deadAfter, Duration claimTimeout) {

    public NodeProperties {
        roles = roles == null || roles.isEmpty() ? EnumSet.allOf(NodeRole.class) : EnumSet.copyOf(roles);
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(1) : heartbeatInterval;
        deadAfter = deadAfter == null ? Duration.ofSeconds(5) : deadAfter;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(10) : claimTimeout;
        if (!positive(heartbeatInterval) || deadAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0
                || deadAfter.compareTo(claimTimeout) >= 0) {
            throw new IllegalArgumentException("baseplane.node: heartbeat-interval must be positive, "
                    + "dead-after at least two heartbeats and below claim-timeout");
        }
    }

    public boolean has(NodeRole role) {
        return roles.contains(role);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
