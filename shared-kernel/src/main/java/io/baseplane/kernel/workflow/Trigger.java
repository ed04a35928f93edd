package io.baseplane.kernel.workflow;

/**
 * What starts a workflow: {@code cron} is set only for {@link TriggerType#SCHEDULE}, {@code eventType}
 * only for {@link TriggerType#EVENT}.
 */
public record Trigger(TriggerType type, String cron, String eventType) {

    public static Trigger manual() {
        return new Trigger(TriggerType.MANUAL, null, null);
    }

    public static Trigger schedule(String cron) {
        return new Trigger(TriggerType.SCHEDULE, cron, null);
    }

    public static Trigger onEvent(String eventType) {
        return new Trigger(TriggerType.EVENT, null, eventType);
    }
}
