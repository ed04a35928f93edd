package io.baseplane.query.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the query API.
 *
 * @param minVersionWait      how long a query with {@code X-Min-Version} waits for the view to catch up
 *                            before answering 503 with {@code Retry-After}
 * @param maxPageSize         largest page a list query may ask for
 * @param liveUpdateTimeout   how long a Server-Sent Events stream stays open; the client reconnects after
 * @param liveUpdateHeartbeat how often an idle stream sends a comment line, which keeps proxies from closing
 *                            it and finds clients that went away, so their subscription is released
 */
@ConfigurationProperties("baseplane.query")
public record QueryProperties(Duration minVersionWait, Integer maxPageSize, Duration liveUpdateTimeout,
                              Duration liveUpdateHeartbeat) {

    public QueryProperties {
        minVersionWait = minVersionWait == null ? Duration.ofSeconds(5) : minVersionWait;
        maxPageSize = maxPageSize == null ? 200 : maxPageSize;
        liveUpdateTimeout = liveUpdateTimeout == null ? Duration.ofMinutes(30) : liveUpdateTimeout;
        liveUpdateHeartbeat = liveUpdateHeartbeat == null ? Duration.ofSeconds(15) : liveUpdateHeartbeat;
        if (liveUpdateTimeout.isNegative() || liveUpdateTimeout.isZero()
                || liveUpdateHeartbeat.isNegative() || liveUpdateHeartbeat.isZero()) {
            throw new IllegalArgumentException("baseplane.query live-update durations must be positive");
        }
    }
}
