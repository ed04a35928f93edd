package io.baseplane.cli.processors;

import io.baseplane.cli.ApiCall;
import io.baseplane.cli.ReasonRequest;
import io.baseplane.cli.http.ApiResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code baseplane processors resume <name> --reason R}. */
@Command(name = "resume", description = "Resume a paused processor from where it stopped.")
final class ResumeProcessor extends ApiCall {

    @Parameters(paramLabel = "NAME", description = "The processor.")
    private String name;

    @Option(names = "--reason", required = true, description = "Why, for the audit trail.")
    private String reason;

    @Override
    public Integer call() {
        ApiResponse answer = api().post(ListProcessors.path(name) + "/resume", new ReasonRequest(reason));
        if (json()) {
            printJson(answer);
        } else {
            ProcessorsText.detail(answer.as(Processor.class), out());
        }
        return 0;
    }
}
