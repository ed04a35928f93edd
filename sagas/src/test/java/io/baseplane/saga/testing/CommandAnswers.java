package io.baseplane.saga.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.test.saga.SagaTestFixture;

/**
 * How a saga fixture's aggregates answer the commands the saga sends: every other command goes through (the
 * fixture's default), these refuse or fail.
 */
public final class CommandAnswers {

    private CommandAnswers() {
    }

    /** Every send of {@code command} fails with {@code failure} (a refusal or a technical failure). */
    public static void refuse(SagaTestFixture<?> fixture, Class<?> command, RuntimeException failure) {
        failTimes(fixture, command, Integer.MAX_VALUE, failure);
    }

    /** The first {@code times} sends of {@code command} fail with {@code failure}; returns how many were sent. */
    public static AtomicInteger failTimes(SagaTestFixture<?> fixture, Class<?> command, int times,
                                          RuntimeException failure) {
        AtomicInteger sent = new AtomicInteger();
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (command.isInstance(payload) && sent.getAndIncrement() < times) {
                throw failure;
            }
            return null;
        });
        return sent;
    }
}
