package io.baseplane.cli.replay;

import io.baseplane.cli.ApiCall;
import io.baseplane.cli.http.ApiResponse;
import io.baseplane.cli.http.Urls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code baseplane replay cancel <id> --reason R}. */
@Command(name = "cancel", description = "Cancel a running replay.")
final class CancelReplay extends ApiCall {

    @Parameters(paramLabel = "ID", description = "The replay.")
    private String id;

    @Option(names = "--reason", required = true, description = "Why, for the audit trail.")
    private String reason;

    @Override
    public Integer call() {
        ApiResponse answer = api().delete(ReplayWatcher.path(id) + Urls.query("reason", reason));
        if (json()) {
            printJson(answer);
        } else {
            out().println(answer.hasBody() ? ReplayText.summary(answer.as(Replay.class)) : "cancelled replay " + id);
        }
        return 0;
    }
}
