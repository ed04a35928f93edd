package io.baseplane.saga.notification;

import io.baseplane.kernel.tenant.TenantId;
import java.util.Objects;

/**
 * A message for one recipient.
 *
 * @param tenantId  the tenant it concerns; null for platform-wide notices
 * @param recipient a user id or an address
 * @param topic     what it is about, e.g. {@code workspace.ready}; deliverers pick templates by it
 * @param body      the human-readable text
 */
public record Notification(TenantId tenantId, String recipient, String topic, String body) {

    /** Limits of the outbox columns, checked here so a bad notification fails before it reaches SQL. */
    public static final int MAX_RECIPIENT_LENGTH = 255;
    public static final int MAX_TOPIC_LENGTH = 100;

    public Notification {
        requireText("recipient", recipient, MAX_RECIPIENT_LENGTH);
        requireText("topic", topic, MAX_TOPIC_LENGTH);
        Objects.requireNonNull(body, "body");
    }

    private static void requireText(String field, String value, int max) {
        Objects.requireNonNull(value, field);
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(field + " must be 1.." + max + " characters");
        }
    }
}
