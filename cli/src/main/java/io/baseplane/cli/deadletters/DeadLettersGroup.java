package io.baseplane.cli.deadletters;

import io.baseplane.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code baseplane dead-letters ...}. */
@Command(name = "dead-letters", description = "Events a processor could not handle: list, retry, evict.",
        subcommands = {ListDeadLetters.class, RetryDeadLetters.class, EvictDeadLetters.class})
public final class DeadLettersGroup extends CommandGroup {
}
