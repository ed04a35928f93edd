package io.baseplane.app.ops.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store's stream, ending for now at a bound that may change: an event beyond it is not available until the
 * bound is lifted. The stream underneath is left as it is; only what is offered changes.
 */
final class BoundedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** How long a reader asking for events beyond the bound waits before it is told there are none. */
    private static final long WAIT_AT_BOUND_MILLIS = 100;

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final LongSupplier bound;

    BoundedEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, LongSupplier bound) {
        this.events = events;
        this.bound = bound;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new BoundedStream(events.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    private final class BoundedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;

        private BoundedStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek().filter(this::within);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (!stream.hasNextAvailable(timeout, unit)) {
                return false;
            }
            if (peek().isPresent()) {
                return true;
            }
            // Held at the bound: wait a little, as a stream without events would, rather than have the reader spin.
            Thread.sleep(Math.min(unit.toMillis(timeout), WAIT_AT_BOUND_MILLIS));
            return peek().isPresent();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            // Asked for after hasNextAvailable said yes; should the bound have dropped since, wait until it rises.
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                Thread.onSpinWait();
            }
            return stream.nextAvailable();
        }

        @Override
        public void close() {
            stream.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        private boolean within(TrackedEventMessage<?> event) {
            return event.trackingToken().position().orElse(Long.MIN_VALUE) <= bound.getAsLong();
        }
    }
}
