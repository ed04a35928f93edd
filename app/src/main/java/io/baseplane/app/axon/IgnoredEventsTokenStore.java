package io.baseplane.app.axon;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The token store of tracking processors whose handlers ignore most events (the sagas' and the workflow
 * triggers'). Axon's tracking processor writes its token after every batch, also when none of its handlers
 * took an event of it; with five such processors that was five commits for every command (docs/adr/0013).
 * Here a token that only moves past ignored events is written at most once per {@code interval} per segment.
 *
 * <p>Batches that were handled store their token in the batch's unit of work, and are always written. A
 * token not written costs nothing but re-reading the ignored events after a restart. The claim is still
 * extended at least once per interval, which must stay well below the claim timeout.
 */
final class IgnoredEventsTokenStore extends ForwardingTokenStore {

    private final long intervalMillis;
    private final Clock clock;
    private final Map<SegmentKey, Long> lastWritten = new ConcurrentHashMap<>();

    IgnoredEventsTokenStore(TokenStore delegate, Duration interval, Clock clock) {
        super(delegate);
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        SegmentKey key = new SegmentKey(processorName, segment);
        long now = clock.millis();
        if (!CurrentUnitOfWork.isStarted()) {
            Long last = lastWritten.get(key);
            if (last != null && now - last < intervalMillis) {
                return;
            }
        }
        super.storeToken(token, processorName, segment);
        lastWritten.put(key, now);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        // A processor (re)starting a segment: its first ignored events are written again.
        lastWritten.remove(new SegmentKey(processorName, segment));
        return super.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        lastWritten.remove(new SegmentKey(processorName, segment.getSegmentId()));
        return super.fetchToken(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        lastWritten.remove(new SegmentKey(processorName, segment));
        super.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        lastWritten.remove(new SegmentKey(processorName, segment));
        super.deleteToken(processorName, segment);
    }

    private record SegmentKey(String processorName, int segment) {
    }
}
