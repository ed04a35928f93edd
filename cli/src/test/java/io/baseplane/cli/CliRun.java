package io.baseplane.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs the real entry point with the given arguments, environment and terminal, and keeps what it printed. */
final class CliRun {

    record Result(int exitCode, String out, String err) {
    }

    private final Map<String, String> environment = new HashMap<>();
    private boolean terminal;

    static CliRun against(FakeApi api) {
        return new CliRun().env("BASEPLANE_URL", api.url());
    }

    static CliRun withoutEnvironment() {
        return new CliRun();
    }

    CliRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    CliRun onTerminal() {
        terminal = true;
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = BaseplaneCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new CliEnvironment(environment::get, terminal));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
