package io.baseplane.cli.processors;

import io.baseplane.cli.AuditedAction;
import io.baseplane.cli.ReasonRequest;
import io.baseplane.cli.http.ApiResponse;
import picocli.CommandLine.Parameters;

/** Pause and resume: a POST of the reason to the processor's action, answered with the processor as it is now. */
abstract class ProcessorAction extends AuditedAction {

    @Parameters(paramLabel = "NAME", description = "The processor.")
    private String name;

    /** The last segment of the action's path: pause or resume. */
    private final String action;

    ProcessorAction(String action) {
        this.action = action;
    }

    @Override
    protected final ApiResponse send() {
        return api().post(ListProcessors.path(name) + "/" + action, new ReasonRequest(reason()));
    }

    @Override
    protected final void printText(ApiResponse answer) {
        ProcessorsText.detail(answer.as(Processor.class), out());
    }
}
