package io.baseplane.command.workflow;

import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.Text;
import io.baseplane.kernel.workflow.CompensationStep;
import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.TriggerEvents;
import io.baseplane.kernel.workflow.TriggerType;
import io.baseplane.kernel.workflow.WorkflowStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;

/** Format rules of a workflow definition (HTTP 400 when broken); returns normalised values for the events. */
final class WorkflowValidator {

    static final int MAX_NAME = 100;
    static final int MAX_STEPS = 50;
    static final int MAX_TIMEOUT_SECONDS = 3600;
    static final int MAX_CRON = 100;
    static final int MAX_EVENT_TYPE = 100;
    static final int MAX_REASON = 1000;

    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*)+");

    private WorkflowValidator() {
    }

    static String name(String raw) {
        return Text.requireName("name", raw, MAX_NAME);
    }

    static Trigger trigger(Trigger raw) {
        if (raw == null || raw.type() == null) {
            throw new InvalidValueException(raw == null ? "trigger" : "trigger.type", "must not be null");
        }
        String cron = blankToNull(raw.cron());
        String eventType = blankToNull(raw.eventType());
        if (raw.type() != TriggerType.SCHEDULE && cron != null) {
            throw new InvalidValueException("trigger.cron", "must be empty unless the trigger is SCHEDULE");
        }
        if (raw.type() != TriggerType.EVENT && eventType != null) {
            throw new InvalidValueException("trigger.eventType", "must be empty unless the trigger is EVENT");
        }
        return switch (raw.type()) {
            case MANUAL -> Trigger.manual();
            case SCHEDULE -> Trigger.schedule(cron(cron));
            case EVENT -> Trigger.onEvent(eventType(eventType));
        };
    }

    static List<WorkflowStep> steps(List<WorkflowStep> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidValueException("steps", "must contain at least one step");
        }
        if (raw.size() > MAX_STEPS) {
            throw new InvalidValueException("steps", "must contain at most " + MAX_STEPS + " steps");
        }
        Map<String, Integer> indexByName = new HashMap<>();
        List<WorkflowStep> steps = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            WorkflowStep step = step("steps[" + i + "]", raw.get(i));
            Integer other = indexByName.putIfAbsent(step.name(), i);
            if (other != null) {
                throw new InvalidValueException("steps[" + i + "].name", "must be unique; step " + other + " has the same name");
            }
            steps.add(step);
        }
        return List.copyOf(steps);
    }

    /** A failure or abort reason: required, at most 1000 characters; line breaks and tabs allowed. */
    static String reason(String raw) {
        return Text.requireText("reason", raw, MAX_REASON);
    }

    private static WorkflowStep step(String field, WorkflowStep raw) {
        if (raw == null) {
            throw new InvalidValueException(field, "must not be null");
        }
        String name = Text.requireName(field + ".name", raw.name(), MAX_NAME);
        if (raw.type() == null) {
            throw new InvalidValueException(field + ".type", "must not be null");
        }
        Integer timeout = raw.timeoutSeconds();
        if (timeout != null && (timeout < 1 || timeout > MAX_TIMEOUT_SECONDS)) {
            throw new InvalidValueException(field + ".timeoutSeconds", "must be between 1 and " + MAX_TIMEOUT_SECONDS);
        }
        return new WorkflowStep(name, raw.type(),
                StepParameters.check(field + ".parameters", raw.type(), raw.parameters()),
                timeout, compensation(field + ".compensation", raw.compensation()));
    }

    private static CompensationStep compensation(String field, CompensationStep raw) {
        if (raw == null) {
            return null;
        }
        if (raw.type() == null) {
            throw new InvalidValueException(field + ".type", "must not be null");
        }
        return new CompensationStep(raw.type(), StepParameters.check(field + ".parameters", raw.type(), raw.parameters()));
    }

    private static String cron(String cron) {
        if (cron == null) {
            throw new InvalidValueException("trigger.cron", "is required for a SCHEDULE trigger");
        }
        if (cron.length() > MAX_CRON || !CronExpression.isValidExpression(cron)) {
            throw new InvalidValueException("trigger.cron",
                    "must be a cron expression: second minute hour day-of-month month day-of-week");
        }
        return cron;
    }

    private static String eventType(String eventType) {
        if (eventType == null) {
            throw new InvalidValueException("trigger.eventType", "is required for an EVENT trigger");
        }
        if (eventType.length() > MAX_EVENT_TYPE || !EVENT_TYPE.matcher(eventType).matches()) {
            throw new InvalidValueException("trigger.eventType",
                    "must be a dotted lower-case event type such as airtable.sync.completed");
        }
        if (!TriggerEvents.KNOWN.contains(eventType)) {
            throw new InvalidValueException("trigger.eventType",
                    "must be one of the platform's event types: " + String.join(", ", TriggerEvents.KNOWN));
        }
        return eventType;
    }

    private static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
