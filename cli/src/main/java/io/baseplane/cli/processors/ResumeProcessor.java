package io.baseplane.cli.processors;

import picocli.CommandLine.Command;

/** {@code baseplane processors resume <name> --reason R}. */
@Command(name = "resume", description = "Resume a paused processor from where it stopped.")
final class ResumeProcessor extends ProcessorAction {

    ResumeProcessor() {
        super("resume");
    }
}
