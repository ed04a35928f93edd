package io.baseplane.app.axonserver;

/**
 * The profile that makes Axon Server the event store and the router of commands and queries (ADR 0021), for
 * {@code @Profile} on what belongs to one setup or the other.
 */
public final class AxonServerProfile {

    /** Active: Axon Server stores the events and routes the messages. */
    public static final String NAME = "axonserver";

    /** Not active: the events are in PostgreSQL (the JDBC event store), messages stay in each node. */
    public static final String INACTIVE = "!" + NAME;

    private AxonServerProfile() {
    }
}
