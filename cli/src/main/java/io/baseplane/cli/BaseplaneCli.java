package io.baseplane.cli;

import io.baseplane.cli.deadletters.DeadLettersGroup;
import io.baseplane.cli.http.ApiClient;
import io.baseplane.cli.http.Connection;
import io.baseplane.cli.processors.ListProcessors;
import io.baseplane.cli.replay.ReplayGroup;
import io.baseplane.cli.sagas.SagasGroup;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code baseplane}, the operators' command line. Exit codes: 0 done, 1 the API refused or the operation failed,
 * 2 usage error, 3 the platform could not be reached. Errors are one line on stderr, never a stack trace.
 */
// scope INHERIT: --help and the exit codes on every subcommand too.
@Command(name = "baseplane", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = BaseplaneCli.Version.class,
        description = "Operate a Baseplane platform: event processors, replays, dead letters and sagas.",
        subcommands = {ListProcessors.class, ReplayGroup.class, DeadLettersGroup.class, SagasGroup.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the API refused, or the replay failed", "2:usage error",
                        "3:the platform could not be reached"})
public final class BaseplaneCli extends CommandGroup {

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The platform's base URL (default: $BASEPLANE_URL, else " + Connection.DEFAULT_URL + ").")
    private String url;

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
            description = "A bearer token (default: $BASEPLANE_TOKEN).")
    private String token;

    @Option(names = "--api-key", scope = ScopeType.INHERIT, paramLabel = "KEY",
            description = "An API key, sent as X-API-Key (default: $BASEPLANE_API_KEY).")
    private String apiKey;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "text|json", defaultValue = "text",
            description = "text (default): tables; json: the API's answer as it is, indented.")
    private OutputFormat output;

    private final CliEnvironment environment;
    private ApiClient api;

    BaseplaneCli(CliEnvironment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, CliEnvironment.system());
    }

    public static int run(String[] args, PrintStream out, PrintStream err, CliEnvironment environment) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        int exitCode = new CommandLine(new BaseplaneCli(environment))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(outWriter)
                .setErr(errWriter)
                .setExecutionExceptionHandler(new OneLineErrors())
                .execute(args);
        outWriter.flush();
        errWriter.flush();
        return exitCode;
    }

    ApiClient api() {
        if (api == null) {
            api = new ApiClient(Connection.resolve(url, token, apiKey, environment::variable));
        }
        return api;
    }

    OutputFormat output() {
        return output;
    }

    CliEnvironment environment() {
        return environment;
    }

    /** The version the jar's manifest carries; none when run from the IDE or the test classpath. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BaseplaneCli.class.getPackage().getImplementationVersion();
            return new String[] {"baseplane " + (version == null ? "(development build)" : version)};
        }
    }
}
