package io.baseplane.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.kernel.common.RuleViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyRetriesTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrencyRetries retries = new ConcurrencyRetries(executor, 3);
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("rename");

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aCommandThatLostARaceIsSentAgainAfterAPause() throws InterruptedException {
        CountDownLatch sentAgain = new CountDownLatch(1);

        boolean scheduled = retries.scheduleRetry(command, new ConcurrencyException("appended first"),
                failures(1), sentAgain::countDown);

        assertThat(scheduled).isTrue();
        assertThat(sentAgain.await(1, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aLostRaceWrappedByTheBusIsRecognised() {
        RuntimeException wrapped = new CommandExecutionException("failed", new ConcurrencyException("appended first"));

        assertThat(retries.scheduleRetry(command, wrapped, failures(1), () -> { })).isTrue();
    }

    @Test
    void afterThreeRetriesTheClientHearsTheConflict() {
        assertThat(retries.scheduleRetry(command, new ConcurrencyException("again"), failures(4), () -> { })).isFalse();
    }

    @Test
    void refusalsAndStaleIfMatchAreTheAnswerNotRetried() {
        assertThat(retries.scheduleRetry(command, new RuleViolationException("workspace.member-exists", "already"),
                failures(1), () -> { })).isFalse();
        assertThat(retries.scheduleRetry(command, new ConflictingAggregateVersionException("ws", 3, 4),
                failures(1), () -> { })).isFalse();
        assertThat(retries.scheduleRetry(command, new IllegalStateException("boom"), failures(1), () -> { })).isFalse();
    }

    @Test
    void aCommandSentWithinAnotherUnitOfWorkIsLeftToIt() {
        DefaultUnitOfWork<?> sagaHandling = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(retries.scheduleRetry(command, new ConcurrencyException("appended first"), failures(1), () -> { }))
                    .isFalse();
        } finally {
            sagaHandling.rollback();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
