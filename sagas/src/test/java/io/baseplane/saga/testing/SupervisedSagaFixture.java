package io.baseplane.saga.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.baseplane.saga.common.OutsideCalls;
import io.baseplane.saga.common.SagaProperties;
import io.baseplane.saga.common.SagaSupervision;
import io.baseplane.saga.common.TenantFairExecutor;
import java.time.Duration;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.saga.SagaTestFixture;

/**
 * What every saga fixture registers for the failure policy: supervision without a database (no savepoint; the
 * fixture has no transaction), outside calls run at once on the test's thread (their outcomes come back as
 * deadlines due now, delivered by {@code whenTimeElapses}), and a policy of {@link #MAX_ATTEMPTS} attempts.
 * Without a database, the journal entries a failed attempt wrote stay in the {@link RecordingSagaJournal}; in
 * the platform the savepoint takes them back.
 */
public final class SupervisedSagaFixture {

    public static final int MAX_ATTEMPTS = 3;
    /** Backoff after the first failed attempt; the second waits twice as long. */
    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);

    public static final SagaProperties POLICY = new SagaProperties(MAX_ATTEMPTS, FIRST_BACKOFF, Duration.ofMinutes(1),
            Duration.ofMinutes(10), Duration.ofDays(30), 4, 4, 2);

    private SupervisedSagaFixture() {
    }

    /** Registers the supervision's collaborators and the journal on {@code fixture}. */
    public static void register(SagaTestFixture<?> fixture, RecordingSagaJournal journal) {
        fixture.registerResource(new SagaSupervision(POLICY, serializer(), null));
        fixture.registerResource(new OutsideCalls(TenantFairExecutor.direct()));
        fixture.registerResource(journal);
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
