package io.baseplane.cli.replay;

/** {@code [#######.....]  63%  6300/10000 events  2100 ev/s  ETA 2s  RUNNING}. */
final class ProgressLine {

    private static final int BAR_WIDTH = 20;

    private ProgressLine() {
    }

    static String of(Replay replay) {
        int percent = replay.percent();
        int filled = percent * BAR_WIDTH / 100;
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]  "
                + String.format("%3d%%", percent) + "  "
                + replay.eventsDone() + "/" + replay.eventsTotal() + " events  "
                + Math.round(replay.eventsPerSecond()) + " ev/s  "
                + "ETA " + eta(replay) + "  "
                + replay.status();
    }

    private static String eta(Replay replay) {
        Long seconds = replay.etaSeconds();
        if (seconds == null) {
            return replay.finished() ? "-" : "?";
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
