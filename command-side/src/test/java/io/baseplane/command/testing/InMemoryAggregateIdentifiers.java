package io.baseplane.command.testing;

import io.baseplane.command.workspace.AggregateIdentifiers;
import java.util.HashSet;
import java.util.Set;

/**
 * The event store's identifiers as a test declares them; one it was not told about is free. The fixture's
 * given events do not count, so a test states every id it means to be taken.
 */
public class InMemoryAggregateIdentifiers implements AggregateIdentifiers {

    private final Set<String> used = new HashSet<>();

    public InMemoryAggregateIdentifiers used(Object aggregateIdentifier) {
        used.add(aggregateIdentifier.toString());
        return this;
    }

    @Override
    public boolean exists(String aggregateIdentifier) {
        return used.contains(aggregateIdentifier);
    }
}
