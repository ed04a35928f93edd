package io.baseplane.cli.replay;

import io.baseplane.cli.ApiCall;
import io.baseplane.cli.http.ApiResponse;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code baseplane replay start <processor> ... --reason R [--watch]}. */
@Command(name = "start", description = "Replay events into a processor: in place (default), or into shadow "
        + "tables (blue-green) that replace the live ones on switch.")
final class StartReplay extends ApiCall {

    @Parameters(paramLabel = "PROCESSOR", description = "The processor to replay.")
    private String processor;

    @Option(names = "--from", paramLabel = "beginning|GLOBAL_INDEX|TIMESTAMP", defaultValue = "beginning",
            converter = ReplayStartPoint.class,
            description = "Where to start: beginning (default), a global index, or a timestamp "
                    + "like 2026-12-01T00:00:00Z.")
    private Object from;

    @ArgGroup(exclusive = true)
    private Mode mode;

    @Option(names = "--auto-switch", description = "Blue-green: switch to the shadow tables once they verify.")
    private boolean autoSwitch;

    @Option(names = "--reason", required = true, description = "Why, for the audit trail.")
    private String reason;

    @Mixin
    private WatchOptions watch;

    @Override
    public Integer call() {
        String modeName = mode != null && mode.blueGreen ? "blue-green" : "in-place";
        ApiResponse answer = api().post("/api/v1/ops/replays",
                new StartReplayRequest(processor, from, modeName, reason, autoSwitch));
        if (watch.watch) {
            return new ReplayWatcher(api(), out(), err(), terminal(), json(), watch).follow(answer);
        }
        if (json()) {
            printJson(answer);
        } else {
            Replay replay = answer.as(Replay.class);
            out().println(ReplayText.summary(replay));
            out().println("follow it: baseplane replay status " + replay.id() + " --watch");
        }
        return 0;
    }

    static final class Mode {
        @Option(names = "--blue-green", required = true,
                description = "Replay into shadow tables while the live ones keep serving.")
        boolean blueGreen;

        @Option(names = "--in-place", required = true, description = "Reset the processor and replay (default).")
        boolean inPlace;
    }
}
