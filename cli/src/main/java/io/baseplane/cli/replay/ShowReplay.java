package io.baseplane.cli.replay;

import io.baseplane.cli.ApiCall;
import io.baseplane.cli.http.ApiResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code baseplane replay status <id> [--watch]}. */
@Command(name = "status", description = "Show a replay, or follow it to its end with --watch.")
final class ShowReplay extends ApiCall {

    @Parameters(paramLabel = "ID", description = "The replay.")
    private String id;

    @Mixin
    private WatchOptions watch;

    @Override
    public Integer call() {
        ApiResponse answer = api().get(ReplayWatcher.path(id));
        if (watch.watch) {
            return new ReplayWatcher(api(), out(), err(), terminal(), json(), watch).follow(answer);
        }
        if (json()) {
            printJson(answer);
        } else {
            ReplayText.detail(answer.as(Replay.class), out());
        }
        return 0;
    }
}
