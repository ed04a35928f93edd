package io.baseplane.cli.replay;

import io.baseplane.cli.ApiCall;
import io.baseplane.cli.http.ApiResponse;
import io.baseplane.cli.http.Urls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code baseplane replay drop-previous <id> --reason R}. */
@Command(name = "drop-previous", description = "Drop the tables a switched blue-green replay replaced; "
        + "after this the switch cannot be undone.")
final class DropPreviousTables extends ApiCall {

    @Parameters(paramLabel = "ID", description = "The switched replay.")
    private String id;

    // Required like every other action's: the platform refuses a drop without one (Replays.dropPrevious).
    @Option(names = "--reason", required = true, description = "Why, for the audit trail.")
    private String reason;

    @Override
    public Integer call() {
        ApiResponse answer = api().delete(ReplayWatcher.path(id) + "/previous" + Urls.query("reason", reason));
        if (json()) {
            printJson(answer);
        } else {
            out().println("dropped the tables replay " + id + " replaced");
        }
        return 0;
    }
}
