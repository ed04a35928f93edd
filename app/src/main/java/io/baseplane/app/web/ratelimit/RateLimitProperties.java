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
 */
@ConfigurationProperties("baseplane.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer perCaller, Integer perTenant, Duration period,
                                  Integer trackedKeys) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        perCaller = perCaller == null ? 100 : perCaller;
        perTenant = perTenant == null ? 500 : perTenant;
        period = period == null ? Duration.ofSeconds(1) : period;
        trackedKeys = trackedKeys == null ? 100_000 : trackedKeys;
        if (perCaller < 1 || perTenant < 1 || period.isNegative() || period.isZero() || trackedKeys < 1) {
            throw new IllegalArgumentException("baseplane.rate-limit: budgets, period and tracked keys must be positive");
        }
    }
}
