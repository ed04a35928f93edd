package io.baseplane.cli.replay;

import io.baseplane.cli.text.TextTable;
import java.io.PrintWriter;
import java.util.List;

/** Replays as text. */
final class ReplayText {

    private ReplayText() {
    }

    static void table(List<Replay> replays, PrintWriter out) {
        if (replays.isEmpty()) {
            out.println("no replays");
            return;
        }
        TextTable table = new TextTable("ID", "PROCESSOR", "MODE", "STATUS", "PROGRESS", "STARTED-AT", "STARTED-BY");
        replays.forEach(r -> table.row(r.id(), r.processor(), r.mode(), r.status(), r.percent() + "%",
                r.startedAt(), r.startedBy()));
        table.print(out);
    }

    static void detail(Replay replay, PrintWriter out) {
        field(out, "replay", replay.id());
        field(out, "processor", replay.processor());
        field(out, "mode", replay.mode() + (replay.autoSwitch() ? ", switches by itself once verified" : ""));
        field(out, "from", replay.fromText());
        field(out, "status", replay.status());
        field(out, "progress", ProgressLine.of(replay));
        field(out, "started", replay.startedAt() + " by " + replay.startedBy() + ": " + replay.reason());
        if (replay.finishedAt() != null) {
            field(out, "finished", replay.finishedAt());
        }
        if (replay.failure() != null) {
            field(out, "failure", replay.failure());
        }
        if (replay.diff() != null) {
            field(out, "diff", diff(replay));
        }
    }

    static String summary(Replay replay) {
        return "replay " + replay.id() + ": " + replay.processor() + " " + replay.mode() + " from "
                + replay.fromText() + ", " + replay.status();
    }

    /** What a replay that reached READY or SWITCHED leaves the operator to look at or do. */
    static void outcome(Replay replay, PrintWriter out) {
        if (replay.diff() != null) {
            out.println("diff: " + diff(replay));
        }
        if ("READY".equals(replay.status()) && "blue-green".equals(replay.mode())) {
            out.println("switch to it: baseplane replay switch " + replay.id() + " --reason <why>");
        }
    }

    private static String diff(Replay replay) {
        return replay.diff().empty()
                ? "the shadow tables match the live ones"
                : replay.diff().rows() + " rows differ, see: baseplane replay diff " + replay.id();
    }

    private static void field(PrintWriter out, String name, String value) {
        out.printf("%-10s %s%n", name, value);
    }
}
