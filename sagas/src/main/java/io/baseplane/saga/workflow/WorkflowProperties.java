package io.baseplane.saga.workflow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of workflow execution, bound from {@code baseplane.workflow.*}.
 *
 * @param defaultStepTimeout timeout of a step that sets no {@code timeoutSeconds} (a DELAY step without one
 *                           has no timeout: its duration is its own parameter)
 * @param connectTimeout     upper bound of an HTTP_CALL's connection set-up
 * @param schedulePollInterval how often SCHEDULE workflows are checked for a due fire time
 * @param scheduleGrace      a fire time missed by more than this (downtime, disabled) is skipped
 * @param allowPrivateTargets whether HTTP_CALL may reach loopback, private, link-local (cloud metadata) and
 *                           other internal addresses; off, so a tenant's workflow cannot probe the network
 *                           the platform runs in
 */
@ConfigurationProperties("baseplane.workflow")
public record WorkflowProperties(@DefaultValue("30s") Duration defaultStepTimeout,
                                 @DefaultValue("5s") Duration connectTimeout,
                                 @DefaultValue("10s") Duration schedulePollInterval,
                                 @DefaultValue("5m") Duration scheduleGrace,
                                 @DefaultValue("false") boolean allowPrivateTargets) {

    public WorkflowProperties {
        defaultStepTimeout = positive("default-step-timeout", defaultStepTimeout, Duration.ofSeconds(30));
        connectTimeout = positive("connect-timeout", connectTimeout, Duration.ofSeconds(5));
        schedulePollInterval = positive("schedule-poll-interval", schedulePollInterval, Duration.ofSeconds(10));
        scheduleGrace = positive("schedule-grace", scheduleGrace, Duration.ofMinutes(5));
    }

    public static WorkflowProperties defaults() {
        return new WorkflowProperties(null, null, null, null, false);
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("baseplane.workflow." + name + " must be positive");
        }
        return d;
    }
}
