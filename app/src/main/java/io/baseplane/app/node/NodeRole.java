package io.baseplane.app.node;

import java.util.Locale;

/**
 * What an instance of the platform does. Every instance has all three unless {@code baseplane.node.roles} says
 * otherwise, so a deployment can scale the parts apart (docs/adr/0019).
 */
public enum NodeRole {

    /** Serves the command API. Its aggregates handle commands (on the JDBC setup a processing node's too, for its sagas). */
    COMMAND,
    /** Serves the query API and live updates. */
    QUERY,
    /** Runs the event processors (views, sagas, triggers) and the deadlines. */
    PROCESSING;

    /** The property's spelling: {@code command}, {@code query}, {@code processing}. */
    public String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
