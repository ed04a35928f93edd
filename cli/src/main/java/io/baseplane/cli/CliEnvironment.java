package io.baseplane.cli;

import java.io.Console;
import java.util.function.Function;

/**
 * What the CLI reads from outside its arguments, passed in so that tests choose it.
 *
 * @param variables environment variables by name (BASEPLANE_URL, BASEPLANE_TOKEN, BASEPLANE_API_KEY)
 * @param terminal  whether stdout is a terminal: a watched replay then redraws one line instead of logging lines
 */
public record CliEnvironment(Function<String, String> variables, boolean terminal) {

    public static CliEnvironment system() {
        return new CliEnvironment(System::getenv, stdoutIsTerminal());
    }

    public String variable(String name) {
        String value = variables.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From JDK 22 a Console exists even when output is redirected; its isTerminal() (22+) then tells.
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }
}
