package io.baseplane.app.web.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request budgets of the API.
 *
 * @param enabled          off only for benchmarks that measure the platform without it
 * @param perCaller        requests one caller (token subject within its tenant) may make per period
 * @param perTenant        requests all callers of one tenant together may make per period
 * @param period           the budget's refresh period
 * @param trackedKeys      most callers and tenants remembered at once; the least recently seen are forgotten
 * @param failedAuthenticationsPerAddress requests with a bad token or API key one client address may make per
 *                         {@code failedAuthenticationPeriod}; beyond that the address gets 429 until it refills
 * @param failedAuthenticationPeriod the refresh period of that budget
 */
@ConfigurationProperties("baseplane.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer perCaller, Integer perTenant, Duration period,
                                  Integer trackedKeys, Integer failedAuthenticationsPerAddress,
                                  Duration failedAuthenticationPeriod) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        perCaller = perCaller == null ? 100 : perCaller;
        perTenant = perTenant == null ? 500 : perTenant;
        period = period == null ? Duration.ofSeconds(1) : period;
        trackedKeys = trackedKeys == null ? 100_000 : trackedKeys;
        failedAuthenticationsPerAddress = failedAuthenticationsPerAddress == null ? 30 : failedAuthenticationsPerAddress;
        failedAuthenticationPeriod = failedAuthenticationPeriod == null ? Duration.ofMinutes(1) : failedAuthenticationPeriod;
        if (perCaller < 1 || perTenant < 1 || period.isNegative() || period.isZero() || trackedKeys < 1
                || failedAuthenticationsPerAddress < 1 || failedAuthenticationPeriod.isNegative()
                || failedAuthenticationPeriod.isZero()) {
            throw new IllegalArgumentException("baseplane.rate-limit: budgets, period and tracked keys must be positive");
        }
    }
}
