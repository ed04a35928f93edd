package io.baseplane.cli;

import io.baseplane.cli.http.ApiResponse;
import picocli.CommandLine.Option;

/**
 * An operator action that changes the platform and must say why: the platform keeps the reason in its audit trail
 * and refuses an action without one. It prints the API's answer as JSON, or as {@link #printText} describes it.
 */
public abstract class AuditedAction extends ApiCall {

    @Option(names = "--reason", required = true, description = "Why, for the audit trail.")
    private String reason;

    protected final String reason() {
        return reason;
    }

    /** Asks the API to act; its answer is what gets printed. */
    protected abstract ApiResponse send();

    protected abstract void printText(ApiResponse answer);

    @Override
    public final Integer call() {
        ApiResponse answer = send();
        if (json()) {
            printJson(answer);
        } else {
            printText(answer);
        }
        return 0;
    }
}
