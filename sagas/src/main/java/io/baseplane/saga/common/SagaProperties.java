package io.baseplane.saga.common;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sagas treat failures and how operators see them, bound from {@code baseplane.sagas.*}.
 *
 * @param maxAttempts        attempts of a step that fails for a technical reason before the saga is parked
 *                           and waits for an operator (the first attempt included)
 * @param retryBackoff       wait before the first retry; each further retry waits twice as long
 * @param maxRetryBackoff    the longest wait between two attempts
 * @param stuckAfter         a running saga that has made no progress and waits for no deadline this long is stuck
 * @param retention          how long an ended saga stays listed for operators
 * @param segments           segments of each saga processor: sagas of different keys run in parallel
 * @param workThreads        threads that run sagas' calls to the outside world (HTTP_CALL, Airtable)
 * @param workPerTenant      of those, how many one tenant may use at once
 */
@ConfigurationProperties("baseplane.sagas")
public record SagaProperties(@DefaultValue("5") int maxAttempts,
                             @DefaultValue("2s") Duration retryBackoff,
                             @DefaultValue("5m") Duration maxRetryBackoff,
                             @DefaultValue("10m") Duration stuckAfter,
                             @DefaultValue("30d") Duration retention,
                             @DefaultValue("4") int segments,
                             @DefaultValue("16") int workThreads,
                             @DefaultValue("4") int workPerTenant) {

    public SagaProperties {
        require(maxAttempts >= 1, "max-attempts must be at least 1");
        require(positive(retryBackoff) && positive(maxRetryBackoff), "retry backoffs must be positive");
        require(positive(stuckAfter) && positive(retention), "stuck-after and retention must be positive");
        require(segments >= 1 && workThreads >= 1 && workPerTenant >= 1,
                "segments, work-threads and work-per-tenant must be at least 1");
    }

    public static SagaProperties defaults() {
        return new SagaProperties(5, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
                Duration.ofDays(30), 4, 16, 4);
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed ones: doubling, capped. */
    public Duration backoffAfter(int attempt) {
        Duration wait = retryBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxRetryBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : wait;
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("baseplane.sagas." + message);
        }
    }
}
