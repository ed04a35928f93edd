package io.baseplane.cli.sagas;

import io.baseplane.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code baseplane sagas ...}. */
@Command(name = "sagas", description = "Saga instances: find the stuck ones.", subcommands = ListSagas.class)
public final class SagasGroup extends CommandGroup {
}
