package io.baseplane.app.web.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Optional;

/**
 * The request budgets of callers, tenants and client addresses, in token buckets every node shares
 * ({@link SharedBuckets}), so a caller's budget is the same however many nodes serve it. A refused check says how long
 * until the bucket has a permit again, which becomes {@code Retry-After}. If the buckets cannot be reached, requests
 * are admitted ({@link FailOpen}).
 */
class RequestBudgets {

    private final Budget perCaller;
    private final Budget perTenant;
    private final Budget failedAuthentications;
    private final SharedBuckets buckets;
    private final FailOpen failOpen = new FailOpen();

    RequestBudgets(RateLimitProperties properties, SharedBuckets buckets) {
        this.perCaller = budget("caller", properties.perCaller(), properties.period(), properties);
        this.perTenant = budget("tenant", properties.perTenant(), properties.period(), properties);
        this.failedAuthentications = budget("failed-auth", properties.failedAuthenticationsPerAddress(),
                properties.failedAuthenticationPeriod(), properties);
        this.buckets = buckets;
    }

    /** Takes one permit from the caller's budget and, if it has one, the tenant's; empty if both allowed it. */
    Optional<Duration> take(String caller, String tenant) {
        return failOpen.check(() -> {
            Optional<Duration> callerWait = take(perCaller, caller);
            if (callerWait.isPresent() || tenant == null) {
                return callerWait;
            }
            return take(perTenant, tenant);
        });
    }

    /** How long the address must wait if its failed authentications used up their budget; empty if it need not. */
    Optional<Duration> failedAuthenticationWait(String address) {
        return failOpen.check(() -> {
            EstimationProbe probe = buckets.of(failedAuthentications, address).estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? Optional.empty() : Optional.of(retryAfter(probe.getNanosToWaitForRefill()));
        });
    }

    /** Counts one refused authentication against the address. */
    void failedAuthentication(String address) {
        failOpen.record(() -> buckets.of(failedAuthentications, address).tryConsume(1));
    }

    private Optional<Duration> take(Budget budget, String whose) {
        ConsumptionProbe probe = buckets.of(budget, whose).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(retryAfter(probe.getNanosToWaitForRefill()));
    }

    private static Duration retryAfter(long nanos) {
        return Duration.ofNanos(Math.max(nanos, 1));
    }

    private static Budget budget(String kind, int permits, Duration period, RateLimitProperties properties) {
        return new Budget(kind, permits, period, properties.unsynchronizedPermits(permits),
                properties.maxUnsynchronizedTime());
    }
}
