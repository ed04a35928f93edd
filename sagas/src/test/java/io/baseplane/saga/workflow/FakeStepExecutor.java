package io.baseplane.saga.workflow;

import io.baseplane.kernel.workflow.StepType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A step executor for saga fixtures: records what it was asked to do and answers as told. */
final class FakeStepExecutor implements StepExecutor {

    private final StepType type;
    private final List<StepContext> calls = new ArrayList<>();
    private StepOutcome outcome;
    private StepOutcome compensationOutcome = StepOutcome.succeeded(Map.of());

    FakeStepExecutor(StepType type, StepOutcome outcome) {
        this.type = type;
        this.outcome = outcome;
    }

    void answer(StepOutcome next) {
        outcome = next;
    }

    void answerCompensations(StepOutcome next) {
        compensationOutcome = next;
    }

    List<StepContext> calls() {
        return List.copyOf(calls);
    }

    StepContext lastCall() {
        return calls.get(calls.size() - 1);
    }

    @Override
    public StepType type() {
        return type;
    }

    @Override
    public StepOutcome execute(StepContext context) {
        calls.add(context);
        return context.compensation() ? compensationOutcome : outcome;
    }
}
