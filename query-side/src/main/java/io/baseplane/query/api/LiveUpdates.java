package io.baseplane.query.api;

import io.baseplane.kernel.common.CurrentCaller;
import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.common.Versioned;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Server-Sent Events from an Axon subscription query: the view as it is now, then the view after each
 * change. The subscription carries the caller's metadata, so the query handler enforces tenant isolation
 * on it as on any query; a refused or unknown view fails before the stream starts (404 as usual).
 *
 * <p>No request thread waits for changes: updates are pushed from Reactor's bounded-elastic threads, never
 * from the event processor that emitted them, so a slow client cannot hold up a projection. An idle stream
 * sends a comment line every {@code baseplane.query.live-update-heartbeat}. When the client goes away (a
 * send fails), the stream times out or ends, the subscription is cancelled and its update handler released.
 */
@Component
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final Duration INITIAL_RESULT_TIMEOUT = Duration.ofSeconds(30);
    /** Updates a subscriber may fall behind by before its stream is ended (Axon's own default). */
    private static final int UPDATE_BUFFER = 256;

    private final QueryBus queryBus;
    private final CurrentCaller currentCaller;
    private final QueryProperties properties;
    private final LiveUpdateQuota quota;

    LiveUpdates(QueryBus queryBus, CurrentCaller currentCaller, QueryProperties properties, LiveUpdateQuota quota) {
        this.queryBus = queryBus;
        this.currentCaller = currentCaller;
        this.properties = properties;
        this.quota = quota;
    }

    /**
     * Subscribes to {@code query} and streams its views as events named {@code eventName}, each with the
     * view's version as event id. Views not newer than the last one sent are skipped.
     */
    public <V extends Versioned> SseEmitter stream(Object query, Class<V> viewType, String eventName) {
        MetaData caller = currentCaller.metaData();
        Object tenant = caller.get(MetaDataKeys.TENANT_ID);
        Runnable giveBack = quota.open(currentCaller.userId() + "@" + tenant, tenant == null ? null : tenant.toString());
        SubscriptionQueryMessage<Object, V, V> message = new GenericSubscriptionQueryMessage<>(query,
                ResponseTypes.instanceOf(viewType), ResponseTypes.instanceOf(viewType))
                .andMetaData(caller);
        SubscriptionQueryResult<QueryResponseMessage<V>, SubscriptionQueryUpdateMessage<V>> subscription;
        V initial;
        try {
            subscription = queryBus.subscriptionQuery(message, UPDATE_BUFFER);
        } catch (RuntimeException e) {
            giveBack.run();
            throw e;
        }
        try {
            initial = initialView(subscription);
        } catch (RuntimeException e) {
            subscription.cancel();
            giveBack.run();
            throw e;
        }

        SseEmitter emitter = new SseEmitter(properties.liveUpdateTimeout().toMillis());
        Disposable.Composite pushing = Disposables.composite();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                pushing.dispose();
                subscription.cancel();
                giveBack.run();
            }
        };
        emitter.onCompletion(release);
        emitter.onError(error -> release.run());
        emitter.onTimeout(() -> {
            release.run();
            emitter.complete();
        });

        AtomicLong lastSent = new AtomicLong(initial.version());
        // Sent before the handler returns: Spring MVC holds it until the response starts.
        send(emitter, view(eventName, initial), release);
        pushing.add(subscription.updates()
                .map(SubscriptionQueryUpdateMessage::getPayload)
                .publishOn(Schedulers.boundedElastic())
                .subscribe(
                        update -> {
                            if (update.version() > lastSent.get()) {
                                lastSent.set(update.version());
                                send(emitter, view(eventName, update), release);
                            }
                        },
                        error -> {
                            log.debug("Live updates of {} ended with an error", query, error);
                            release.run();
                            emitter.complete();
                        },
                        () -> {
                            release.run();
                            emitter.complete();
                        }));
        Duration heartbeat = properties.liveUpdateHeartbeat();
        pushing.add(Flux.interval(heartbeat, heartbeat, Schedulers.boundedElastic())
                .subscribe(tick -> send(emitter, SseEmitter.event().comment("keep-alive"), release)));
        return emitter;
    }

    private <V> V initialView(SubscriptionQueryResult<QueryResponseMessage<V>, ?> subscription) {
        QueryResponseMessage<V> response = subscription.initialResult().block(INITIAL_RESULT_TIMEOUT);
        if (response == null) {
            throw new IllegalStateException("the subscription query answered nothing");
        }
        return QuerySender.payloadOf(response);
    }

    private static SseEmitter.SseEventBuilder view(String eventName, Versioned view) {
        return SseEmitter.event()
                .id(Long.toString(view.version()))
                .name(eventName)
                .data(view, MediaType.APPLICATION_JSON);
    }

    /** A send that fails means the client is gone: the subscription is released at once. */
    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event, Runnable release) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            release.run();
        }
    }
}
