package io.baseplane.cli.replay;

import io.baseplane.cli.AuditedAction;
import io.baseplane.cli.http.ApiResponse;
import io.baseplane.cli.http.Urls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code baseplane replay drop-previous <id> --reason R}. */
@Command(name = "drop-previous", description = "Drop the tables a switched blue-green replay replaced; "
        + "after this the switch cannot be undone.")
// Its reason is required like every other action's: the platform refuses a drop without one (Replays.dropPrevious).
final class DropPreviousTables extends AuditedAction {

    @Parameters(paramLabel = "ID", description = "The switched replay.")
    private String id;

    @Override
    protected ApiResponse send() {
        return api().delete(ReplayWatcher.path(id) + "/previous" + Urls.query("reason", reason()));
    }

    @Override
    protected void printText(ApiResponse answer) {
        out().println("dropped the tables replay " + id + " replaced");
    }
}
