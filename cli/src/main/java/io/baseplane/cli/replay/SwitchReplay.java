package io.baseplane.cli.replay;

import io.baseplane.cli.AuditedAction;
import io.baseplane.cli.ReasonRequest;
import io.baseplane.cli.http.ApiResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code baseplane replay switch <id> --reason R}. */
@Command(name = "switch", description = "Make a READY blue-green replay's shadow tables the live ones.")
final class SwitchReplay extends AuditedAction {

    @Parameters(paramLabel = "ID", description = "The replay.")
    private String id;

    @Override
    protected ApiResponse send() {
        return api().post(ReplayWatcher.path(id) + "/switch", new ReasonRequest(reason()));
    }

    @Override
    protected void printText(ApiResponse answer) {
        out().println(ReplayText.summary(answer.as(Replay.class)));
    }
}
