package io.baseplane.app.node;

import io.baseplane.app.axon.ForwardingTokenStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The token store every event processor claims its segments through. Both kinds of processor (pooled and tracking)
 * claim only segments this store lists as available, so it lists no more than this node's {@link SegmentShares share}
 * minus what the node holds: a node never takes another's part of the work, and a node that holds less than its share
 * takes what is free. Taking back what is too much is the {@link SegmentBalancer}'s part.
 */
final class FairShareTokenStore extends ForwardingTokenStore {

    private final LiveNodes nodes;
    private final JdbcTemplate jdbc;
    private final String nodeId;

    FairShareTokenStore(TokenStore delegate, LiveNodes nodes, JdbcTemplate jdbc, String nodeId) {
        super(delegate);
        this.nodes = nodes;
        this.jdbc = jdbc;
        this.nodeId = nodeId;
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        if (nodes.holds(processorName)) {
            return List.of();
        }
        SegmentShares shares = nodes.shares();
        int share = shares.shareOf(processorName);
        if (share <= 0) {
            return List.of();
        }
        List<Segment> available = super.fetchAvailableSegments(processorName);
        if (available.isEmpty() || shares.holdsAll(processorName)) {
            return available;
        }
        // Axon lists the segments this node holds among the available ones (it may claim them again): those are
        // not new work. Counted as they stand now: only this processor, in this thread, claims for it on this node.
        Set<Integer> held = Set.copyOf(jdbc.queryForList(
                "select segment from token_entry where processor_name = ? and owner = ?",
                Integer.class, processorName, nodeId));
        int room = share - held.size();
        List<Segment> heldOrFree = new ArrayList<>();
        int free = 0;
        for (Segment segment : available) {
            if (held.contains(segment.getSegmentId())) {
                heldOrFree.add(segment);
            } else if (free < room) {
                heldOrFree.add(segment);
                free++;
            }
        }
        return heldOrFree;
    }
}
