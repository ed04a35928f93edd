package io.baseplane.saga.workflow;

import io.baseplane.kernel.workflow.StepType;
import io.baseplane.saga.common.FailureReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The executor of each step type, and the timeout a step without its own gets. */
@Component
public class StepExecutors {

    private static final Logger log = LoggerFactory.getLogger(StepExecutors.class);

    private final Map<StepType, StepExecutor> byType = new EnumMap<>(StepType.class);
    private final Duration defaultTimeout;

    @Autowired
    public StepExecutors(List<StepExecutor> executors, WorkflowProperties properties) {
        this(executors, properties.defaultStepTimeout());
    }

    public StepExecutors(List<StepExecutor> executors, Duration defaultTimeout) {
        for (StepExecutor executor : executors) {
            if (byType.put(executor.type(), executor) != null) {
                throw new IllegalStateException("two executors for " + executor.type());
            }
        }
        this.defaultTimeout = defaultTimeout;
    }

    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /**
     * Runs the executor of {@code type}; an exception (a defect, or the database) becomes a technical failure
     * named by its type, and is logged.
     */
    public StepOutcome execute(StepType type, StepContext context) {
        StepExecutor executor = byType.get(type);
        if (executor == null) {
            return StepOutcome.failed("no executor for " + type + " steps");
        }
        String what = (context.compensation() ? "compensation of " : "") + "step " + context.stepName();
        try {
            return executor.execute(context);
        } catch (RuntimeException e) {
            log.warn("Run {}: {} ({}) threw", context.runId(), what, type, e);
            return StepOutcome.unavailable(FailureReason.of(what, e));
        }
    }
}
