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
 * @param liveUpdatesPerCaller streams one caller (a user in a tenant) may hold open at once; more get 429
 * @param liveUpdatesPerTenant streams all callers of one tenant may hold open at once; more get 429
 */
@ConfigurationProperties("baseplane.query")
public record QueryProperties(Duration minVersionWait, Integer maxPageSize, Duration liveUpdateTimeout,
                              Duration liveUpdateHeartbeat, Integer liveUpdatesPerCaller,
                              Integer liveUpdatesPerTenant) {

    public QueryProperties {
        minVersionWait = minVersionWait == null ? Duration.ofSeconds(5) : minVersionWait;
        maxPageSize = maxPageSize == null ? 200 : maxPageSize;
        liveUpdateTimeout = liveUpdateTimeout == null ? Duration.ofMinutes(30) : liveUpdateTimeout;
        liveUpdateHeartbeat = liveUpdateHeartbeat == null ? Duration.ofSeconds(15) : liveUpdateHeartbeat;
        liveUpdatesPerCaller = liveUpdatesPerCaller == null ? 10 : liveUpdatesPerCaller;
        liveUpdatesPerTenant = liveUpdatesPerTenant == null ? 200 : liveUpdatesPerTenant;
        if (liveUpdatesPerCaller < 1 || liveUpdatesPerTenant < 1) {
            throw new IllegalArgumentException("baseplane.query live-update limits must be at least 1");
        }
        if (liveUpdateTimeout.isNegative() || liveUpdateTimeout.isZero()
                || liveUpdateHeartbeat.isNegative() || liveUpdateHeartbeat.isZero()) {
            throw new IllegalArgumentException("baseplane.query live-update durations must be positive");
        }
    }
}
