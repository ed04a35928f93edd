package io.baseplane.saga.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.baseplane.saga.common.HeldMessage;
import io.baseplane.saga.common.OutsideCalls;
import io.baseplane.saga.common.SagaProperties;
import io.baseplane.saga.common.SagaSupervision;
import io.baseplane.saga.common.TenantFairExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * What every saga fixture registers for the failure policy: supervision without a database (no savepoint; the
 * fixture has no transaction), outside calls run at once on the test's thread (their outcomes come back as
 * deadlines due now, delivered as soon as the fixture's clock moves: {@link #OUTCOMES_DUE}), and a policy of
 * {@link #MAX_ATTEMPTS} attempts.
 * Without a database, the journal entries a failed attempt wrote stay in the {@link RecordingSagaJournal}; in
 * the platform the savepoint takes them back.
 */
public final class SupervisedSagaFixture {

    public static final int MAX_ATTEMPTS = 3;
    /** Backoff after the first failed attempt; the second waits twice as long. */
    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    /**
     * Advancing the fixture's clock by this (not at all) delivers the outcomes of the outside calls made so far,
     * and nothing that is due later: a retry's backoff then still counts from the moment the outcome came.
     */
    public static final Duration OUTCOMES_DUE = Duration.ZERO;

    /**
     * The base class's fields that are no saga state: collaborators injected anew on each load, and flags of the
     * message being handled. The stored form holds none of them.
     */
    public static final List<String> NOT_STATE = List.of("supervision", "journal", "deadlineManager",
            "commandGateway", "outsideCalls", "redelivering", "lastAttemptFailed", "endJournaled");

    public static final SagaProperties POLICY = new SagaProperties(MAX_ATTEMPTS, FIRST_BACKOFF, Duration.ofMinutes(1),
            Duration.ofMinutes(10), Duration.ofDays(30), 4, 4, 2);

    /**
     * How far the fixture's clock runs ahead of the wall clock. An outside call dates its outcome by the wall
     * clock ({@code Instant.now()}); the fixture's clock starts when the fixture is built and only moves when a
     * test lets time elapse, so without a lead an outcome would fall due at a moment that depends on how long
     * the test took so far.
     */
    private static final Duration CLOCK_LEAD = Duration.ofDays(1);

    private SupervisedSagaFixture() {
    }

    /** Registers the supervision's collaborators and the journal on {@code fixture}; calls run at once. */
    public static void register(SagaTestFixture<?> fixture, RecordingSagaJournal journal) {
        register(fixture, journal, new OutsideCalls(TenantFairExecutor.direct()));
    }

    /** As {@link #register(SagaTestFixture, RecordingSagaJournal)}, with outside calls the test controls. */
    public static void register(SagaTestFixture<?> fixture, RecordingSagaJournal journal, OutsideCalls outsideCalls) {
        fixture.givenCurrentTime(Instant.now().plus(CLOCK_LEAD));
        fixture.registerResource(new SagaSupervision(POLICY, serializer(), null, List.of()));
        fixture.registerResource(outsideCalls);
        fixture.registerResource(journal);
    }

    /**
     * The saga instance as the fixture keeps it between messages (the one whose handler ran last), for tests of
     * its state. Call before the fixture handles its first message.
     */
    @SuppressWarnings("unchecked")
    public static <T> Supplier<T> instanceOf(SagaTestFixture<T> fixture) {
        AtomicReference<Object> last = new AtomicReference<>();
        fixture.registerHandlerEnhancerDefinition(new HandlerEnhancerDefinition() {
            @Override
            public <H> MessageHandlingMember<H> wrapHandler(MessageHandlingMember<H> original) {
                return new WrappedMessageHandlingMember<>(original) {
                    @Override
                    public Object handle(Message<?> message, H target) throws Exception {
                        last.set(target);
                        return super.handle(message, target);
                    }
                };
            }
        });
        return () -> (T) last.get();
    }

    /**
     * Matches the deadlines a fixture triggered when one of them has this name. The fixture's list of triggered
     * deadlines holds those of the given phase too, so {@code expectTriggeredDeadlinesWithName} counts them all.
     */
    public static Matcher<List<DeadlineMessage<?>>> anyNamed(String name) {
        return anyMatching(deadline -> name.equals(deadline.getDeadlineName()));
    }

    /** Matches the deadlines a fixture triggered when one of them carries this payload (see {@link #anyNamed}). */
    public static Matcher<List<DeadlineMessage<?>>> anyWithPayload(Object payload) {
        return anyMatching(deadline -> payload.equals(deadline.getPayload()));
    }

    private static Matcher<List<DeadlineMessage<?>>> anyMatching(Predicate<DeadlineMessage<?>> predicate) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<DeadlineMessage<?>> deadlines) {
                return deadlines.stream().anyMatch(predicate);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a list with a matching deadline");
            }
        };
    }

    /** The payload of a message a saga holds, read back as the supervision reads it to handle it again. */
    public static Object payloadOf(HeldMessage held) {
        return serializer().deserialize(new SimpleSerializedObject<>(
                held.payload(), String.class, held.payloadType(), held.payloadRevision()));
    }

    /** Axon's Jackson serialiser as the platform configures it (AxonMessagingConfiguration). */
    public static JacksonSerializer serializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
