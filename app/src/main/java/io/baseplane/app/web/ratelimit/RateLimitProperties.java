package io.baseplane.app.web.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request budgets of the API, shared by every node through PostgreSQL (docs/adr/0020).
 *
 * @param enabled          off only for benchmarks that measure the platform without it
 * @param perCaller        requests one caller (token subject within its tenant) may make per period
 * @param perTenant        requests all callers of one tenant together may make per period
 * @param period           the budget's refresh period
 * @param trackedKeys      most callers, tenants and addresses a node keeps a handle on at once (the least recently
 *                         seen are dropped; their budgets stay in the database)
 * @param failedAuthenticationsPerAddress requests with a bad token or API key one client address may make per
 *                         {@code failedAuthenticationPeriod}; beyond that the address gets 429 until it refills
 * @param failedAuthenticationPeriod the refresh period of that budget
 * @param unsynchronizedShare share of each budget (rounded down to whole requests) a node may hand out from its own
 *                         copy of the bucket before it writes to the shared one; 0 = every check goes to the database
 * @param maxUnsynchronizedTime longest a node answers from its own copy of a bucket before it reads the shared one again
 */
@ConfigurationProperties("baseplane.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer perCaller, Integer perTenant, Duration period,
                                  Integer trackedKeys, Integer failedAuthenticationsPerAddress,
                                  Duration failedAuthenticationPeriod, Double unsynchronizedShare,
                                  Duration maxUnsynchronizedTime) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        perCaller = perCaller == null ? 100 : perCaller;
        perTenant = perTenant == null ? 500 : perTenant;
        period = period == null ? Duration.ofSeconds(1) : period;
        trackedKeys = trackedKeys == null ? 100_000 : trackedKeys;
        failedAuthenticationsPerAddress = failedAuthenticationsPerAddress == null ? 30 : failedAuthenticationsPerAddress;
        failedAuthenticationPeriod = failedAuthenticationPeriod == null ? Duration.ofMinutes(1) : failedAuthenticationPeriod;
        unsynchronizedShare = unsynchronizedShare == null ? 0.1 : unsynchronizedShare;
        maxUnsynchronizedTime = maxUnsynchronizedTime == null ? Duration.ofSeconds(5) : maxUnsynchronizedTime;
        if (perCaller < 1 || perTenant < 1 || !positive(period) || trackedKeys < 1
                || failedAuthenticationsPerAddress < 1 || !positive(failedAuthenticationPeriod)
                || !positive(maxUnsynchronizedTime)) {
            throw new IllegalArgumentException("baseplane.rate-limit: budgets, periods and tracked keys must be positive");
        }
        if (!(unsynchronizedShare >= 0 && unsynchronizedShare < 1)) {
            throw new IllegalArgumentException("baseplane.rate-limit.unsynchronized-share must be at least 0 and below 1");
        }
    }

    /** Requests one node may hand out from its own copy of a budget of {@code permits} before it writes them through. */
    long unsynchronizedPermits(int permits) {
        return (long) Math.floor(permits * unsynchronizedShare);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
