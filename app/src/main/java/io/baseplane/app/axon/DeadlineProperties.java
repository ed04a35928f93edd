package io.baseplane.app.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The persistent deadline scheduler (ADR 0008), bound from {@code baseplane.deadlines.*}.
 *
 * @param pollingInterval how often due deadlines are looked for; a deadline fires at most this late
 * @param threads         deadlines executed at once by this instance
 * @param shutdownMaxWait how long shutdown waits for deadlines being executed
 * @param heartbeatInterval how often this instance tells the database it still runs the deadlines it picked
 * @param deadAfterMissedHeartbeats heartbeats an instance may miss (4 or more) before the deadlines it picked count
 *                        as dead and any instance runs them again: with the defaults, within a minute of its death
 */
@ConfigurationProperties("baseplane.deadlines")
public record DeadlineProperties(@DefaultValue("1s") Duration pollingInterval,
                                 @DefaultValue("2") int threads,
                                 @DefaultValue("10s") Duration shutdownMaxWait,
                                 @DefaultValue("10s") Duration heartbeatInterval,
                                 @DefaultValue("4") int deadAfterMissedHeartbeats) {

    public DeadlineProperties {
        if (pollingInterval == null || pollingInterval.isNegative() || pollingInterval.isZero()) {
            throw new IllegalArgumentException("baseplane.deadlines.polling-interval must be positive");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("baseplane.deadlines.threads must be at least 1");
        }
        if (shutdownMaxWait == null || shutdownMaxWait.isNegative()) {
            throw new IllegalArgumentException("baseplane.deadlines.shutdown-max-wait must not be negative");
        }
        if (heartbeatInterval == null || heartbeatInterval.isNegative() || heartbeatInterval.isZero()
                || deadAfterMissedHeartbeats < 4) {
            throw new IllegalArgumentException("baseplane.deadlines.heartbeat-interval must be positive and "
                    + "dead-after-missed-heartbeats at least 4 (db-scheduler's least)");
        }
    }
}
