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
    private final Cache<String, RateLimiter> limiters;

    RequestBudgets(RateLimitProperties properties) {
        this.perCaller = config(properties.perCaller(), properties.period());
        this.perTenant = config(properties.perTenant(), properties.period());
        // A limiter forgotten after a quiet period starts again with a full budget, as it would have refilled.
        this.limiters = Caffeine.newBuilder()
                .maximumSize(properties.trackedKeys())
                .expireAfterAccess(properties.period().multipliedBy(60))
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

    private Optional<Duration> take(String key, RateLimiterConfig config) {
        RateLimiter limiter = limiters.get(key, name -> RateLimiter.of(name, config));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        long nanos = limiter instanceof AtomicRateLimiter atomic
                ? atomic.getDetailedMetrics().getNanosToWait() : config.getLimitRefreshPeriod().toNanos();
        return Optional.of(Duration.ofNanos(Math.max(nanos, 1)));
    }

    private static RateLimiterConfig config(int permits, Duration period) {
        return RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
    }
}
