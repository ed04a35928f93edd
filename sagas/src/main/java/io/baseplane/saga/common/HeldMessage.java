package io.baseplane.saga.common;

/**
 * An event or deadline a saga could not handle yet, kept in the saga's own state in serialised form, so it can
 * be handled again later, on any node, exactly as it first arrived (same identifier, metadata and time).
 *
 * @param deadlineName the deadline's name, or null for an event
 */
public record HeldMessage(String deadlineName, String identifier, String timestamp, String payloadType,
                          String payloadRevision, String payload, String metaData) {

    /** The payload's simple type name, for journal entries and logs. */
    public String payloadName() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1).replace('$', '.');
    }
}
