package io.baseplane.app.node;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This node's heartbeat in {@code platform_node}, and what it learns on each beat: which processing nodes are alive
 * and how many segments each processor has, hence this node's {@link SegmentShares}. It starts before the event
 * processors (so the others make room for it before it claims) and stops after them (its claims are released by then),
 * deleting its row, so the others take its segments at their next beat instead of after {@code dead-after}.
 */
public final class LiveNodes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveNodes.class);

    private final JdbcTemplate jdbc;
    private final NodeProperties properties;
    private final String nodeId;
    private final String roles;
    private final Instant startedAt = Instant.now();
    private final List<Consumer<SegmentShares>> onBeat = new ArrayList<>();
    private volatile SegmentShares shares;
    private volatile ScheduledExecutorService beats;

    LiveNodes(JdbcTemplate jdbc, NodeProperties properties, String nodeId) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.nodeId = nodeId;
        this.roles = properties.roles().stream().map(NodeRole::propertyValue).sorted().collect(Collectors.joining(","));
        this.shares = properties.has(NodeRole.PROCESSING)
                ? SegmentShares.alone(nodeId) : new SegmentShares(nodeId, List.of(), Map.of());
    }

    /** The shares as of the last heartbeat. */
    SegmentShares shares() {
        return shares;
    }

    /** Runs after every heartbeat, on the heartbeat's thread. */
    void onBeat(Consumer<SegmentShares> listener) {
        onBeat.add(listener);
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

    /** Before Axon's event processors start (Axon's inbound event connectors' phase) and after they stop. */
    @Override
    public int getPhase() {
        return 0;
    }

    void beat() {
        jdbc.update("""
                insert into platform_node (node_id, roles, started_at, last_seen) values (?, ?, ?, now())
                on conflict (node_id) do update set roles = excluded.roles, started_at = excluded.started_at,
                                                    last_seen = now()""",
                nodeId, roles, Timestamp.from(startedAt));
        List<String> processing = jdbc.queryForList("""
                select node_id from platform_node
                where last_seen > now() - ? * interval '1 millisecond' and ',' || roles || ',' like ?
                order by node_id""", String.class,
                properties.deadAfter().toMillis(), "%," + NodeRole.PROCESSING.propertyValue() + ",%");
        Map<String, Integer> segments = new HashMap<>();
        jdbc.query("select processor_name, count(*) from token_entry group by processor_name",
                row -> {
                    segments.put(row.getString(1), row.getInt(2));
                });
        SegmentShares current = new SegmentShares(nodeId, processing.stream().sorted().toList(), Map.copyOf(segments));
        shares = current;
        log.debug("Node {} sees processing nodes {} and segments {}", nodeId, current.processingNodes(), segments);
        onBeat.forEach(listener -> listener.accept(current));
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
