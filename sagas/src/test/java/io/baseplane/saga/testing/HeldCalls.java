package io.baseplane.saga.testing;

import io.baseplane.saga.common.OutsideCalls;
import io.baseplane.saga.common.TenantFairExecutors;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * The pool of outside calls for saga fixtures, as the test wants it: by default each call runs at once on the
 * test's thread (as {@link SupervisedSagaFixture#register(org.axonframework.test.saga.SagaTestFixture,
 * RecordingSagaJournal)} has it); after {@link #hold()} calls wait, like calls on a busy pool, until
 * {@link #runWaiting()} lets them answer late, or {@link #lose()} drops them like a node that died with them.
 */
public final class HeldCalls implements Executor {

    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private final OutsideCalls outsideCalls = new OutsideCalls(TenantFairExecutors.on(this));
    private boolean holding;

    public OutsideCalls outsideCalls() {
        return outsideCalls;
    }

    /** Calls made from now on wait until {@link #runWaiting()} or {@link #lose()}. */
    public void hold() {
        holding = true;
    }

    /** Calls made from now on run at once again; those waiting still wait. */
    public void runAtOnce() {
        holding = false;
    }

    /** How many calls wait to run. */
    public int waiting() {
        return waiting.size();
    }

    /** The waiting calls run now, in order; their outcomes come back to their sagas when the clock moves. */
    public void runWaiting() {
        while (!waiting.isEmpty()) {
            waiting.poll().run();
        }
    }

    /** The waiting calls never run: the node that had them died. */
    public void lose() {
        waiting.clear();
    }

    @Override
    public void execute(Runnable call) {
        if (holding) {
            waiting.add(call);
        } else {
            call.run();
        }
    }
}
