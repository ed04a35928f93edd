package io.baseplane.app.ops.replay;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.stereotype.Component;

/**
 * How far each processor on this node may read the event stream: no limit, except while a blue-green replay compares
 * a view with its shadow, when both stop at the same index ({@link Replay.Step#HOLDING}) so that they are compared at
 * the same point of the stream. The supervisor sets the bounds from the replays each tick.
 */
@Component
public class EventBounds {

    private final Map<String, Long> bounds = new ConcurrentHashMap<>();

    /** The event stream for the processor, bounded while this says so. */
    public StreamableMessageSource<TrackedEventMessage<?>> source(
            String processor, StreamableMessageSource<TrackedEventMessage<?>> events) {
        return new BoundedEventSource(events, () -> bounds.getOrDefault(processor, Long.MAX_VALUE));
    }

    /** The bounds to apply now, by processor; every other processor reads without limit. */
    void set(Map<String, Long> current) {
        bounds.keySet().retainAll(current.keySet());
        bounds.putAll(current);
    }
}
