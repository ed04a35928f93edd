package io.baseplane.app.web.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Optional;

/**
 * One Resilience4j rate limiter per caller and per tenant, created on first use and kept in a bounded
 * Caffeine cache, so memory stays flat however many callers there are. A limiter that refuses says how
 * long until its next permit, which becomes {@code Retry-After}.
 */
class RequestBudgets {

    private final RateLimiterConfig perCaller;
    private final RateLimiterConfig perTenant;
    private final RateLimiterConfig failedAuthentications;
    private final Cache<String, RateLimiter> limiters;

    RequestBudgets(RateLimitProperties properties) {
        this.perCaller = config(properties.perCaller(), properties.period());
        this.perTenant = config(properties.perTenant(), properties.period());
        this.failedAuthentications = config(properties.failedAuthenticationsPerAddress(),
                properties.failedAuthenticationPeriod());
        // A limiter forgotten after a quiet period starts again with a full budget, as it would have refilled.
        this.limiters = Caffeine.newBuilder()
                .maximumSize(properties.trackedKeys())
                .expireAfterAccess(max(properties.period(), properties.failedAuthenticationPeriod()).multipliedBy(60))
                .build();
    }

    /** Takes one permit from the caller's budget and, if it has one, the tenant's; empty if both allowed it. */
    Optional<Duration> take(String caller, String tenant) {
        Optional<Duration> callerWait = take("caller:" + caller, perCaller);
        if (callerWait.isPresent() || tenant == null) {
            return callerWait;
        }
        return take("tenant:" + tenant, perTenant);
    }

    /** How long the address must wait if its failed authentications used up their budget; empty if it need not. */
    Optional<Duration> failedAuthenticationWait(String address) {
        RateLimiter limiter = limiters.get("auth-failures:" + address, name -> RateLimiter.of(name, failedAuthentications));
        return limiter.getMetrics().getAvailablePermissions() > 0 ? Optional.empty() : Optional.of(waitOf(limiter, failedAuthentications));
    }

    /** Counts one refused authentication against the address. */
    void failedAuthentication(String address) {
        limiters.get("auth-failures:" + address, name -> RateLimiter.of(name, failedAuthentications)).acquirePermission();
    }

    private Optional<Duration> take(String key, RateLimiterConfig config) {
        RateLimiter limiter = limiters.get(key, name -> RateLimiter.of(name, config));
        return limiter.acquirePermission() ? Optional.empty() : Optional.of(waitOf(limiter, config));
    }

    private static Duration waitOf(RateLimiter limiter, RateLimiterConfig config) {
        long nanos = limiter instanceof AtomicRateLimiter atomic
                ? atomic.getDetailedMetrics().getNanosToWait() : config.getLimitRefreshPeriod().toNanos();
        return Duration.ofNanos(Math.max(nanos, 1));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static RateLimiterConfig config(int permits, Duration period) {
        return RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
    }
}
