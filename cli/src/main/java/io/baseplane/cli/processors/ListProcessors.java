package io.baseplane.cli.processors;

import io.baseplane.cli.ApiCall;
import io.baseplane.cli.http.ApiResponse;
import io.baseplane.cli.http.Urls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code baseplane processors [name]}: all processors as a table, or one with its segments. */
@Command(name = "processors", description = "List the event processors, or show one with its segments.",
        subcommands = {PauseProcessor.class, ResumeProcessor.class})
public final class ListProcessors extends ApiCall {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Show only this processor.")
    private String name;

    static String path(String name) {
        return "/api/v1/ops/processors/" + Urls.segment(name);
    }

    @Override
    public Integer call() {
        ApiResponse answer = api().get(name == null ? "/api/v1/ops/processors" : path(name));
        if (json()) {
            printJson(answer);
        } else if (name == null) {
            ProcessorsText.table(answer.as(ProcessorList.class).processors(), out());
        } else {
            ProcessorsText.detail(answer.as(Processor.class), out());
        }
        return 0;
    }
}
