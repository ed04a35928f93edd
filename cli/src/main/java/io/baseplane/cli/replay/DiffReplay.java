package io.baseplane.cli.replay;

import io.baseplane.cli.ApiCall;
import io.baseplane.cli.http.ApiResponse;
import io.baseplane.cli.http.Json;
import io.baseplane.cli.text.TextTable;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code baseplane replay diff <id>}: per table, the counts, then the sample rows side by side. */
@Command(name = "diff", description = "Show how a blue-green replay's shadow tables differ from the live ones.")
final class DiffReplay extends ApiCall {

    @Parameters(paramLabel = "ID", description = "The replay.")
    private String id;

    @Override
    public Integer call() {
        ApiResponse answer = api().get(ReplayWatcher.path(id) + "/diff");
        if (json()) {
            printJson(answer);
            return 0;
        }
        ReplayDiff diff = answer.as(ReplayDiff.class);
        if (diff.empty()) {
            out().println("no differences: the shadow tables match the live ones");
            return 0;
        }
        TextTable counts = new TextTable("TABLE", "ONLY-IN-LIVE", "ONLY-IN-SHADOW", "DIFFERENT");
        diff.tables().forEach(t -> counts.row(t.table(), t.onlyInLive(), t.onlyInShadow(), t.different()));
        counts.print(out());
        diff.tables().forEach(table -> table.samples().forEach(sample -> print(table.table(), sample, out())));
        return 0;
    }

    private static void print(String table, ReplayDiff.Sample sample, PrintWriter out) {
        out.println();
        out.println(table + "  " + sample.kind() + "  aggregate " + sample.aggregateId()
                + "  key " + Json.compact(sample.key()));
        out.println("  live:   " + Json.compact(sample.live()));
        out.println("  shadow: " + Json.compact(sample.shadow()));
    }
}
