package io.baseplane.cli.replay;

import io.baseplane.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code baseplane replay ...}. */
@Command(name = "replay", description = "Rebuild a processor's state by replaying events, in place or blue-green.",
        subcommands = {StartReplay.class, ShowReplay.class, ListReplays.class,
                       CancelReplay.class, DiffReplay.class, SwitchReplay.class,
                       DropPreviousTables.class})
public final class ReplayGroup extends CommandGroup {
}
