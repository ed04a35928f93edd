package io.baseplane.cli.replay;

import io.baseplane.cli.ApiCall;
import io.baseplane.cli.ReasonRequest;
import io.baseplane.cli.http.ApiResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code baseplane replay switch <id> --reason R}. */
@Command(name = "switch", description = "Make a READY blue-green replay's shadow tables the live ones.")
final class SwitchReplay extends ApiCall {

    @Parameters(paramLabel = "ID", description = "The replay.")
    private String id;

    @Option(names = "--reason", required = true, description = "Why, for the audit trail.")
    private String reason;

    @Override
    public Integer call() {
        ApiResponse answer = api().post(ReplayWatcher.path(id) + "/switch", new ReasonRequest(reason));
        if (json()) {
            printJson(answer);
        } else {
            out().println(ReplayText.summary(answer.as(Replay.class)));
        }
        return 0;
    }
}
