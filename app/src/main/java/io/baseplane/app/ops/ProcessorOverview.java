package io.baseplane.app.ops;

import io.baseplane.app.axon.PlatformProcessors;
import io.baseplane.app.axon.PlatformProcessors.Kind;
import io.baseplane.app.node.NodeProperties;
import io.baseplane.app.node.ProcessorErrors;
import io.baseplane.kernel.common.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every processor of the platform with its state on all nodes, built from what they share: the token store (segments,
 * claims, positions), the heartbeats (who runs what, errors), {@code processor_control} (pauses) and the replays. Any
 * node answers the same, a node without the processing role included.
 */
@Component
public class ProcessorOverview {

    private final ClusterTokens tokens;
    private final NodeReports nodes;
    private final ProcessorControls controls;
    private final EventCounts events;
    private final ReplayActivity replays;
    private final DeadLetterCounts deadLetters;
    private final NodeProperties node;

    ProcessorOverview(ClusterTokens tokens, NodeReports nodes, ProcessorControls controls, EventCounts events,
                      ReplayActivity replays, DeadLetterCounts deadLetters, NodeProperties node) {
        this.tokens = tokens;
        this.nodes = nodes;
        this.controls = controls;
        this.events = events;
        this.replays = replays;
        this.deadLetters = deadLetters;
        this.node = node;
    }

    public List<ProcessorView> all() {
        Snapshot snapshot = snapshot();
        return PlatformProcessors.ALL.keySet().stream().map(name -> view(name, snapshot)).toList();
    }

    public ProcessorView one(String name) {
        return view(require(name), snapshot());
    }

    /** The name of one of the platform's processors, or 404. */
    public static String require(String name) {
        if (PlatformProcessors.kindOf(name) == null) {
            throw new NotFoundException("processor", name);
        }
        return name;
    }

    private Snapshot snapshot() {
        return new Snapshot(tokens.all(), nodes.live(), controls.paused(), replays.replayingInPlace(), events.head(),
                Instant.now());
    }

    private ProcessorView view(String name, Snapshot snapshot) {
        Kind kind = PlatformProcessors.kindOf(name);
        List<SegmentToken> segments = snapshot.tokens().getOrDefault(name, List.of());
        Long position = ClusterTokens.lowest(segments);
        Long lag = position == null ? null : events.after(position);
        ProcessorView.Failure failure = failureOf(name, snapshot.nodes());
        Optional<ProcessorControls.Pause> pause = snapshot.paused().contains(name) ? controls.pauseOf(name)
                : Optional.empty();
        return new ProcessorView(name, kind.name().toLowerCase(Locale.ROOT), modeOf(kind),
                status(name, kind, segments, failure, snapshot), position, snapshot.head(), lag,
                segments.stream().map(segment -> new ProcessorView.Segment(segment.segment(),
                        segment.holder(snapshot.now(), node.claimTimeout()), segment.position(),
                        segment.replaying())).toList(),
                failure, deadLetters.count(name),
                pause.map(p -> new ProcessorView.Pause(p.by(), p.reason(), p.at())).orElse(null));
    }

    private static String status(String name, Kind kind, List<SegmentToken> segments, ProcessorView.Failure failure,
                                 Snapshot snapshot) {
        if (kind == Kind.LOOKUP) {
            // Runs inside each command's transaction on every node that takes commands.
            return "running";
        }
        if (snapshot.replaying().contains(name) || segments.stream().anyMatch(SegmentToken::replaying)) {
            return "replaying";
        }
        if (snapshot.paused().contains(name)) {
            return "paused";
        }
        if (failure != null) {
            return "error";
        }
        boolean running = snapshot.nodes().stream().anyMatch(report -> report.running().contains(name));
        return running ? "running" : "stopped";
    }

    /** The earliest error any live node reports for the processor. */
    private static ProcessorView.Failure failureOf(String name, List<NodeReports.NodeReport> reports) {
        ProcessorView.Failure earliest = null;
        for (NodeReports.NodeReport report : reports) {
            ProcessorErrors.Failure failure = report.errors().get(name);
            if (failure != null && (earliest == null || failure.since().isBefore(earliest.since()))) {
                earliest = new ProcessorView.Failure(failure.message(), failure.since(), report.nodeId());
            }
        }
        return earliest;
    }

    /** The mode each kind is configured with (AxonMessagingConfiguration, application.yml; checked by a test). */
    static String modeOf(Kind kind) {
        return switch (kind) {
            case VIEW -> "pooled";
            case SAGA, REACTION -> "tracking";
            case LOOKUP -> "subscribing";
        };
    }

    private record Snapshot(Map<String, List<SegmentToken>> tokens, List<NodeReports.NodeReport> nodes,
                            Set<String> paused, Set<String> replaying, long head, Instant now) {
    }
}
