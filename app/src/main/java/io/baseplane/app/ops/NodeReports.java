package io.baseplane.app.ops;

import io.baseplane.app.node.NodeProperties;
import io.baseplane.app.node.NodeRole;
import io.baseplane.app.node.ProcessorErrors;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the live processing nodes report with their heartbeats ({@code platform_node}): the processors they run. */
@Component
public class NodeReports {

    /** One live processing node's last heartbeat. */
    public record NodeReport(String nodeId, Set<String> running, Map<String, ProcessorErrors.Failure> errors,
                             Instant lastSeen) {
    }

    private final JdbcTemplate jdbc;
    private final NodeProperties node;

    NodeReports(JdbcTemplate jdbc, NodeProperties node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    public List<NodeReport> live() {
        return jdbc.query("""
                        select node_id, processors, processor_errors, last_seen from platform_node
                        where last_seen > now() - ? * interval '1 millisecond' and ',' || roles || ',' like ?
                        order by node_id""",
                (row, n) -> new NodeReport(row.getString(1), names(row.getString(2)),
                        ProcessorErrors.parse(row.getString(3)), row.getTimestamp(4).toInstant()),
                node.deadAfter().toMillis(), "%," + NodeRole.PROCESSING.propertyValue() + ",%");
    }

    /**
     * Whether the processor has stopped on every node since {@code since} (a database time): each live processing
     * node has reported since then without it, and no claim on its segments is left that has not lapsed. A node that
     * has not reported since is waited for, so a node that has not yet seen the hold cannot still be working.
     */
    public boolean stoppedEverywhere(String processor, Instant since, ClusterTokens tokens) {
        boolean anyRunning = live().stream()
                .anyMatch(report -> !report.lastSeen().isAfter(since) || report.running().contains(processor));
        return !anyRunning && !tokens.claimed(processor);
    }

    private static Set<String> names(String column) {
        return column == null || column.isEmpty() ? Set.of()
                : Arrays.stream(column.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
