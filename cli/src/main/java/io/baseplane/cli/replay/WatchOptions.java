package io.baseplane.cli.replay;

import java.time.Duration;
import picocli.CommandLine.Option;

/** --watch and --interval, for the commands that can follow a replay to its end. */
final class WatchOptions {

    @Option(names = "--watch", description = "Follow the replay until READY or SWITCHED (exit 0), FAILED or "
            + "CANCELLED (exit 1).")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = Interval.class,
            description = "How often --watch asks: 500ms, 1s (default), 2m.")
    Duration interval;

    @Option(names = "--patience", paramLabel = "DURATION", defaultValue = "60s", converter = Interval.class,
            description = "How long --watch keeps asking while the platform does not answer (a node restarting, a "
                    + "database outage: the replay goes on meanwhile) before it gives up with exit 3 (default 60s).")
    Duration patience;
}
