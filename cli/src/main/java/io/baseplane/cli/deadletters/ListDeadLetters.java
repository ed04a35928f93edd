package io.baseplane.cli.deadletters;

import io.baseplane.cli.ApiCall;
import io.baseplane.cli.http.ApiResponse;
import io.baseplane.cli.http.Json;
import io.baseplane.cli.http.Urls;
import io.baseplane.cli.text.Text;
import io.baseplane.cli.text.TextTable;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code baseplane dead-letters list [--processor P] [--group G]}; with --group, the sample letter too. */
@Command(name = "list", description = "List dead letters, grouped by processor and failure.")
final class ListDeadLetters extends ApiCall {

    private static final int ERROR_WIDTH = 60;

    @Option(names = "--processor", paramLabel = "P", description = "Only this processor's.")
    private String processor;

    @Option(names = "--group", paramLabel = "G", description = "Only this group, with a sample letter.")
    private String group;

    @Override
    public Integer call() {
        ApiResponse answer = api().get("/api/v1/ops/dead-letters" + Urls.query("processor", processor, "group", group));
        if (json()) {
            printJson(answer);
            return 0;
        }
        List<DeadLetterGroup> groups = answer.as(DeadLetterGroups.class).groups();
        if (groups.isEmpty()) {
            out().println("no dead letters");
            return 0;
        }
        TextTable table = new TextTable("PROCESSOR", "GROUP", "COUNT", "FIRST-AT", "LAST-AT", "ERROR");
        groups.forEach(g -> table.row(g.processor(), g.group(), g.count(), g.firstAt(), g.lastAt(),
                Text.shorten(simpleName(g.exceptionType()) + ": " + g.message(), ERROR_WIDTH)));
        table.print(out());
        if (group != null) {
            groups.stream().filter(g -> g.sample() != null).forEach(g -> printSample(g, out()));
        }
        return 0;
    }

    private static void printSample(DeadLetterGroup group, PrintWriter out) {
        DeadLetterGroup.Sample sample = group.sample();
        out.println();
        out.println("sample of " + group.group() + ": entry " + sample.entryId() + ", sequence " + sample.sequence());
        out.println("  " + sample.eventType() + " of aggregate " + sample.aggregateId() + " #" + sample.sequenceNumber()
                + ", global index " + sample.globalIndex());
        out.println("  error: " + group.exceptionType() + ": " + group.message());
        out.println("  payload: " + Json.compact(sample.payload()));
    }

    private static String simpleName(String exceptionType) {
        return exceptionType == null ? "?" : exceptionType.substring(exceptionType.lastIndexOf('.') + 1);
    }
}
