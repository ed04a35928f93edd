package io.baseplane.cli.replay;

import io.baseplane.cli.AuditedAction;
import io.baseplane.cli.http.ApiResponse;
import io.baseplane.cli.http.Urls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code baseplane replay cancel <id> --reason R}. */
@Command(name = "cancel", description = "Cancel a running replay.")
final class CancelReplay extends AuditedAction {

    @Parameters(paramLabel = "ID", description = "The replay.")
    private String id;

    @Override
    protected ApiResponse send() {
        return api().delete(ReplayWatcher.path(id) + Urls.query("reason", reason()));
    }

    @Override
    protected void printText(ApiResponse answer) {
        out().println(answer.hasBody() ? ReplayText.summary(answer.as(Replay.class)) : "cancelled replay " + id);
    }
}
