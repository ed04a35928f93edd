package io.baseplane.app.node;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This node's heartbeat in {@code platform_node}: its roles and the event processors it runs, written every beat; and
 * what it learns on each beat: which nodes are alive, which processors each of them runs and how many segments each
 * processor has, hence this node's {@link SegmentShares}. It stops after Axon (so its claims are released by then) and
 * deletes its row, so the others take its segments at their next beat instead of after {@code dead-after}.
 */
public final class LiveNodes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveNodes.class);

    /** Rows of nodes gone without saying goodbye (a crash) are kept this long, for operators to see, then deleted. */
    private static final String FORGOTTEN_AFTER = "1 day";

    private final JdbcTemplate jdbc;
    private final NodeProperties properties;
    private final String nodeId;
    private final String roles;
    private final Instant startedAt = Instant.now();
    private volatile SegmentBalancer balancer;
    private volatile SegmentShares shares;
    private volatile Set<String> held = Set.of();
    private volatile Supplier<Map<String, StreamingEventProcessor>> others = Map::of;
    private final Map<String, Instant> failingSince = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService beats;

    LiveNodes(JdbcTemplate jdbc, NodeProperties properties, String nodeId) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.nodeId = nodeId;
        this.roles = properties.roles().stream().map(NodeRole::propertyValue).sorted().collect(Collectors.joining(","));
        this.shares = SegmentShares.none(nodeId);
    }

    /** The shares as of the last heartbeat. */
    SegmentShares shares() {
        return shares;
    }

    /**
     * The processors an operator or a replay holds stopped on every node: none of them claims a segment here, even in
     * the moment between Axon starting it and the supervisor stopping it again.
     */
    public void hold(Set<String> processors) {
        held = Set.copyOf(processors);
    }

    /** Whether the processor is held stopped on every node now (paused, or by a replay). */
    public boolean holds(String processor) {
        return held.contains(processor);
    }

    /** Processors this node runs besides the configured ones (a replay's shadows): reported and balanced alike. */
    public void alsoRunning(Supplier<Map<String, StreamingEventProcessor>> processors) {
        others = processors;
    }

    /** The processors whose running state each beat reports, and which give up what is beyond their share. */
    void balance(SegmentBalancer processors) {
        this.balancer = processors;
    }

    @Override
    public void start() {
        beatQuietly();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.heartbeatInterval().toMillis();
        executor.scheduleWithFixedDelay(this::beatQuietly, interval, interval, TimeUnit.MILLISECONDS);
        beats = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = beats;
        beats = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                // A beat under way would write the row again after the delete.
                executor.awaitTermination(properties.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            jdbc.update("delete from platform_node where node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.warn("Could not remove node {} from platform_node; the others count it out after {}: {}",
                    nodeId, properties.deadAfter(), e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return beats != null;
    }

    /** Just below Axon's own lifecycle bean: the first beat precedes the processors, the last delete follows them. */
    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE - 1;
    }

    private void beat() {
        SegmentBalancer processors = balancer;
        Map<String, StreamingEventProcessor> extra = others.get();
        String running = processors == null ? "" : String.join(",", processors.running(extra));
        String errors = processors == null ? "" : ProcessorErrors.format(since(processors.errors(extra)));
        jdbc.update("""
                insert into platform_node (node_id, roles, processors, processor_errors, started_at, last_seen)
                values (?, ?, ?, ?, ?, now())
                on conflict (node_id) do update set roles = excluded.roles, processors = excluded.processors,
                                                    processor_errors = excluded.processor_errors,
                                                    started_at = excluded.started_at, last_seen = now()""",
                nodeId, roles, running, errors, Timestamp.from(startedAt));
        jdbc.update("delete from platform_node where last_seen < now() - interval '" + FORGOTTEN_AFTER + "'");
        Map<String, List<String>> runners = new HashMap<>();
        // Sorted here, not by the database: its collation need not order names as every node's Java does.
        jdbc.query("""
                select node_id, processors from platform_node
                where last_seen > now() - ? * interval '1 millisecond' and ',' || roles || ',' like ?""",
                row -> {
                    for (String processor : row.getString(2).split(",")) {
                        if (!processor.isEmpty()) {
                            runners.computeIfAbsent(processor, name -> new ArrayList<>()).add(row.getString(1));
                        }
                    }
                },
                properties.deadAfter().toMillis(), "%," + NodeRole.PROCESSING.propertyValue() + ",%");
        runners.values().forEach(nodes -> nodes.sort(null));
        Map<String, Integer> segments = new HashMap<>();
        jdbc.query("select processor_name, count(*) from token_entry group by processor_name",
                row -> {
                    segments.put(row.getString(1), row.getInt(2));
                });
        SegmentShares current = new SegmentShares(nodeId, Map.copyOf(runners), Map.copyOf(segments));
        shares = current;
        log.debug("Node {} sees processors run by {} and segments {}", nodeId, runners, segments);
        if (processors != null) {
            try {
                processors.rebalance(current, extra);
            } catch (RuntimeException e) {
                log.warn("Releasing segments beyond this node's share failed: {}", e.getMessage(), e);
            }
        }
    }

    /** Each failing processor's error with the time this node first saw it fail, since when it has not recovered. */
    private Map<String, ProcessorErrors.Failure> since(Map<String, String> errors) {
        failingSince.keySet().retainAll(errors.keySet());
        Map<String, ProcessorErrors.Failure> failures = new TreeMap<>();
        errors.forEach((processor, message) -> failures.put(processor, new ProcessorErrors.Failure(message,
                failingSince.computeIfAbsent(processor, name -> Instant.now()))));
        return failures;
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            // The database is away: the claims say what each node holds; the shares wait for the next beat.
            log.warn("Node heartbeat failed: {}", e.getMessage());
        }
    }
}
