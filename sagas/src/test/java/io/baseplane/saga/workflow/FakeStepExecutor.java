package io.baseplane.saga.workflow;

import io.baseplane.kernel.workflow.StepType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A step executor for saga fixtures: records what it was asked to do and answers as told: the same outcome
 * each time, a few outcomes first and then the usual one, or an exception each time.
 */
final class FakeStepExecutor implements StepExecutor {

    private final StepType type;
    private final List<StepContext> calls = new ArrayList<>();
    private final Deque<StepOutcome> first = new ArrayDeque<>();
    private StepOutcome outcome;
    private StepOutcome compensationOutcome = StepOutcome.succeeded(Map.of());
    private RuntimeException failure;

    FakeStepExecutor(StepType type, StepOutcome outcome) {
        this.type = type;
        this.outcome = outcome;
    }

    /** Answers every execution of the step (not of its compensation) with {@code next} from now on. */
    void answer(StepOutcome next) {
        outcome = next;
    }

    /** Answers the next executions (of the step or of its compensation) with these, in order, then as usual. */
    void answerFirst(StepOutcome... outcomes) {
        first.addAll(List.of(outcomes));
    }

    void answerCompensations(StepOutcome next) {
        compensationOutcome = next;
    }

    /** Throws {@code failure} on every execution from now on, as a broken executor or its database would. */
    void throwEachTime(RuntimeException failure) {
        this.failure = failure;
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
        if (failure != null) {
            throw failure;
        }
        if (!first.isEmpty()) {
            return first.poll();
        }
        return context.compensation() ? compensationOutcome : outcome;
    }
}
