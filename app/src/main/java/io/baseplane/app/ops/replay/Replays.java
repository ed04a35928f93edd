package io.baseplane.app.ops.replay;

import io.baseplane.app.axon.PlatformProcessors;
import io.baseplane.app.ops.EventCounts;
import io.baseplane.app.ops.ProcessorControls;
import io.baseplane.app.ops.replay.Replay.Mode;
import io.baseplane.app.ops.replay.Replay.Status;
import io.baseplane.app.ops.replay.Replay.Step;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.common.Text;
import io.baseplane.kernel.ops.PreviousViewDropped;
import io.baseplane.kernel.ops.ReplayCancelled;
import io.baseplane.kernel.ops.ReplayStarted;
import io.baseplane.kernel.ops.ReplaySwitchRequested;
import io.baseplane.saga.ops.Operator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators' requests about replays. Each writes the replay's row and the event that records who asked and why in one
 * transaction; the nodes do the work as the row asks (see {@link ReplayCoordinator}).
 */
@Component
public class Replays {

    private final ReplayStore store;
    private final ProcessorControls controls;
    private final EventCounts events;
    private final EventStore eventStore;
    private final ShadowTables shadowTables;
    private final EventGateway eventGateway;
    private final ReplayProperties properties;
    private final TransactionTemplate transaction;

    Replays(ReplayStore store, ProcessorControls controls, EventCounts events, EventStore eventStore,
            ShadowTables shadowTables, EventGateway eventGateway, ReplayProperties properties,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.controls = controls;
        this.events = events;
        this.eventStore = eventStore;
        this.shadowTables = shadowTables;
        this.eventGateway = eventGateway;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public Replay start(ReplayRequest request, Operator operator) {
        ReplayRequest.Checked checked = request.check();
        String processor = checked.processor();
        PlatformProcessors.Kind kind = PlatformProcessors.kindOf(processor);
        if (kind == null) {
            throw new InvalidValueException("processor", "no processor is named " + Text.sanitized(processor, 100));
        }
        if (kind != PlatformProcessors.Kind.VIEW) {
            throw new RuleViolationException("replay.side-effects", "Processor " + processor + " is a "
                    + kind.name().toLowerCase(Locale.ROOT) + " processor: replaying it would act on the events"
                    + " again (start sagas, send commands and notifications). Only views are replayed.");
        }
        if (controls.pauseOf(processor).isPresent()) {
            throw new RuleViolationException("processor.paused", "Processor " + processor
                    + " is paused; resume it before replaying it");
        }
        long head = events.head();
        long fromIndex = fromIndex(checked.from());
        UUID id = UUID.randomUUID();
        boolean blueGreen = checked.mode() == Mode.BLUE_GREEN;
        Replay replay = new Replay(id, processor, checked.mode(), fromIndex, checked.from().requested(), head,
                Status.RUNNING, blueGreen ? Step.PREPARING : Step.STOPPING, null,
                events.between(fromIndex, head), 0, fromIndex, 0, checked.autoSwitch(), operator.userId(),
                checked.reason(), null, null, null, null, blueGreen ? "view_build_" + shortId(id) : null, null, null, null);
        try {
            transaction.executeWithoutResult(status -> {
                store.insert(replay);
                publish(new ReplayStarted(id.toString(), processor, checked.mode().wire(), checked.from().requested(),
                        fromIndex, checked.autoSwitch(), checked.reason()), operator);
            });
        } catch (DuplicateKeyException e) {
            throw alreadyRunning(processor);
        }
        return get(id);
    }

    public Replay get(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("replay", id));
    }

    public List<Replay> recent() {
        return store.recent(properties.keepFinished());
    }

    public ViewDiff diff(UUID id) {
        Replay replay = get(id);
        if (replay.diff() == null) {
            throw new RuleViolationException("replay.no-diff", replay.mode() == Mode.IN_PLACE
                    ? "An in-place replay has nothing to compare: the live view itself is rebuilt"
                    : "Replay " + id + " is " + replay.status() + "; its diff is made once the rebuilt view caught up");
        }
        return DiffJson.read(replay.diff());
    }

    public Replay cancel(UUID id, String reason, Operator operator) {
        String why = Text.requireText("reason", reason, ReplayRequest.MAX_REASON_LENGTH);
        Replay replay = get(id);
        transaction.executeWithoutResult(status -> {
            boolean cancelled = switch (replay.step()) {
                case STOPPING -> store.finish(replay, Status.CANCELLED, null);
                case PREPARING, BUILDING, HOLDING, AWAITING_SWITCH -> store.discard(replay, Status.CANCELLED, null);
                default -> throw notCancellable(replay);
            };
            if (!cancelled) {
                throw new RuleViolationException("replay.moved-on", "Replay " + id + " moved on meanwhile; look again");
            }
            publish(new ReplayCancelled(id.toString(), replay.processor(), why), operator);
        });
        return get(id);
    }

    public Replay switchOver(UUID id, String reason, Operator operator) {
        String why = Text.requireText("reason", reason, ReplayRequest.MAX_REASON_LENGTH);
        Replay replay = get(id);
        if (replay.mode() != Mode.BLUE_GREEN) {
            throw new RuleViolationException("replay.not-blue-green", "Only a blue-green replay switches");
        }
        transaction.executeWithoutResult(status -> {
            if (!store.moveIf(id, Step.AWAITING_SWITCH, Status.READY, Step.SWITCHING)) {
                throw new RuleViolationException("replay.not-ready", "Replay " + id + " is " + replay.status()
                        + (replay.step() == Step.SWITCHING ? " and switching already" : "; it switches once READY"));
            }
            publish(new ReplaySwitchRequested(id.toString(), replay.processor(), why), operator);
        });
        return get(id);
    }

    public Replay dropPrevious(UUID id, String reason, Operator operator) {
        String why = Text.requireText("reason", reason, ReplayRequest.MAX_REASON_LENGTH);
        Replay replay = get(id);
        if (replay.previousSchema() == null) {
            throw new RuleViolationException("replay.no-previous", "Replay " + id
                    + " keeps no replaced tables (it did not switch, or they were dropped)");
        }
        shadowTables.drop(replay.previousSchema());
        transaction.executeWithoutResult(status -> {
            store.previousDropped(id);
            publish(new PreviousViewDropped(id.toString(), replay.processor(), why), operator);
        });
        return get(id);
    }

    private long fromIndex(ReplayRequest.From from) {
        if (from instanceof ReplayRequest.FromIndex index) {
            return index.index() - 1;
        }
        if (from instanceof ReplayRequest.FromTime time) {
            // The token just before the first event stored at or after that time.
            TrackingToken token = eventStore.createTokenAt(time.time());
            return token == null ? -1 : token.position().orElse(-1);
        }
        return -1;
    }

    private void publish(Object event, Operator operator) {
        eventGateway.publish(GenericEventMessage.asEventMessage(event)
                .andMetaData(operator.actionMetaData()));
    }

    private RuleViolationException alreadyRunning(String processor) {
        String running = store.unfinishedOf(processor).map(replay -> " (" + replay.id() + ", " + replay.status() + ")")
                .orElse("");
        return new RuleViolationException("replay.already-running", "Processor " + processor
                + " has a replay that is not finished" + running + "; one replay per processor at a time");
    }

    private static RuleViolationException notCancellable(Replay replay) {
        String why = switch (replay.step()) {
            case REPLAYING -> "the view was emptied and is filling up again as the processor catches up; cancelling"
                    + " would not bring the old rows back";
            case SWITCHING -> "it is switching";
            default -> "it is " + replay.status();
        };
        return new RuleViolationException("replay.not-cancellable", "Replay " + replay.id() + " cannot be cancelled: "
                + why);
    }

    static String shortId(UUID id) {
        return id.toString().replace("-", "").substring(0, 12);
    }
}
