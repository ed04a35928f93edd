package io.baseplane.cli.processors;

import picocli.CommandLine.Command;

/** {@code baseplane processors pause <name> --reason R}. */
@Command(name = "pause", description = "Pause a processor on every node; it keeps its position.")
final class PauseProcessor extends ProcessorAction {

    PauseProcessor() {
        super("pause");
    }
}
