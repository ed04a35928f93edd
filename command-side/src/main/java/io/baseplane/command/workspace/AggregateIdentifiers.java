package io.baseplane.command.workspace;

/**
 * The identifiers the event store already holds, of aggregates of any type. A client may choose the id of
 * a new workspace, and every aggregate shares one identifier space in the event store: an id already used
 * by a tenant, a workflow or another tenant's workspace would only fail when the new workspace's first
 * event is appended, long after the request was answered. Asking here turns that into a refusal.
 */
public interface AggregateIdentifiers {

    /** Whether any aggregate has stored an event under this identifier. */
    boolean exists(String aggregateIdentifier);
}
