package io.baseplane.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IgnoredEventsTokenStoreTest {

    private static final String PROCESSOR = "TenantOnboardingSagaProcessor";

    private final InMemoryTokenStore written = new InMemoryTokenStore();
    private final SteppingClock clock = new SteppingClock();
    private final IgnoredEventsTokenStore store = new IgnoredEventsTokenStore(written, Duration.ofSeconds(1), clock);

    @BeforeEach
    void claimTheSegment() {
        store.initializeTokenSegments(PROCESSOR, 1);
        store.fetchToken(PROCESSOR, 0);
    }

    @Test
    void progressPastIgnoredEventsIsWrittenAtMostOncePerInterval() {
        store.storeToken(at(1), PROCESSOR, 0);
        clock.advance(Duration.ofMillis(400));
        store.storeToken(at(2), PROCESSOR, 0);
        store.storeToken(at(3), PROCESSOR, 0);

        assertThat(written.fetchToken(PROCESSOR, 0)).isEqualTo(at(1));

        clock.advance(Duration.ofMillis(600));
        store.storeToken(at(4), PROCESSOR, 0);

        assertThat(written.fetchToken(PROCESSOR, 0)).isEqualTo(at(4));
    }

    @Test
    void theTokenOfAHandledBatchIsAlwaysWritten() {
        store.storeToken(at(1), PROCESSOR, 0);

        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("handled"))
                .execute(() -> store.storeToken(at(2), PROCESSOR, 0));

        assertThat(written.fetchToken(PROCESSOR, 0)).isEqualTo(at(2));
    }

    @Test
    void aSegmentClaimedAgainWritesItsFirstIgnoredProgressAtOnce() {
        store.storeToken(at(1), PROCESSOR, 0);
        store.releaseClaim(PROCESSOR, 0);

        store.fetchToken(PROCESSOR, 0);
        store.storeToken(at(2), PROCESSOR, 0);

        assertThat(written.fetchToken(PROCESSOR, 0)).isEqualTo(at(2));
    }

    private static TrackingToken at(long index) {
        return new GlobalSequenceTrackingToken(index);
    }

    private static final class SteppingClock extends Clock {

        private Instant now = Instant.parse("2026-11-30T10:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
