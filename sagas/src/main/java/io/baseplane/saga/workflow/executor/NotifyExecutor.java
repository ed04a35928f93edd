package io.baseplane.saga.workflow.executor;

import io.baseplane.kernel.workflow.StepType;
import io.baseplane.saga.notification.Notification;
import io.baseplane.saga.notification.Notifier;
import io.baseplane.saga.workflow.StepContext;
import io.baseplane.saga.workflow.StepExecutor;
import io.baseplane.saga.workflow.StepOutcome;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * NOTIFY: hands {@code message} for {@code recipient} to the {@link Notifier} port (by default the
 * notification outbox, in the saga's transaction), under {@code topic} (default {@code workflow.notify}).
 */
@Component
public class NotifyExecutor implements StepExecutor {

    static final String DEFAULT_TOPIC = "workflow.notify";

    private final Notifier notifier;

    public NotifyExecutor(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public StepType type() {
        return StepType.NOTIFY;
    }

    @Override
    public StepOutcome execute(StepContext context) {
        Map<String, String> parameters = context.parameters();
        Notification notification;
        try {
            notification = new Notification(context.tenantId(), parameters.getOrDefault("recipient", "").strip(),
                    parameters.getOrDefault("topic", DEFAULT_TOPIC), parameters.getOrDefault("message", ""));
        } catch (IllegalArgumentException | NullPointerException e) {
            return StepOutcome.failed("notification refused: " + e.getMessage());
        }
        notifier.notify(notification);
        return StepOutcome.succeeded(Map.of("recipient", notification.recipient()));
    }
}
