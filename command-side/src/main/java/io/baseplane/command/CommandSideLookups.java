package io.baseplane.command;

/**
 * The processing group of the command side's set-based lookup tables (ADR 0005, V3 migration): a subscribing
 * processor, so the tables change in the transaction of the events they follow.
 */
public final class CommandSideLookups {

    public static final String PROCESSING_GROUP = "command-side-lookups";

    private CommandSideLookups() {
    }
}
