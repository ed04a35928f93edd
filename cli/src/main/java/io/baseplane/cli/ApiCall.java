package io.baseplane.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.cli.http.ApiClient;
import io.baseplane.cli.http.ApiResponse;
import io.baseplane.cli.http.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that calls the platform's API. The connection and output options are global ({@link BaseplaneCli}),
 * so every command reads them from the root command, wherever on the line the operator put them.
 *
 * <p>No class here is named {@code ...Command}: in this code base that suffix means an Axon command, a record in the
 * shared kernel (app's ArchitectureTest checks it, and app's tests have the CLI on their classpath).
 */
public abstract class ApiCall implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    protected final ApiClient api() {
        try {
            return root().api();
        } catch (IllegalArgumentException badConnectionOptions) {
            throw new ParameterException(spec.commandLine(), badConnectionOptions.getMessage());
        }
    }

    protected final boolean json() {
        return root().output() == OutputFormat.JSON;
    }

    protected final boolean terminal() {
        return root().environment().terminal();
    }

    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The API's answer as it came, indented; an answer without a body prints nothing. */
    protected final void printJson(ApiResponse answer) {
        if (answer.hasBody()) {
            printJson(answer.body());
        }
    }

    protected final void printJson(JsonNode body) {
        out().println(Json.pretty(body));
    }

    private BaseplaneCli root() {
        return (BaseplaneCli) spec.root().userObject();
    }
}
