package io.baseplane.app.node;

import java.util.List;
import java.util.Map;

/**
 * How many segments of each processor this node may hold, as of one heartbeat: a processor's segments are dealt out
 * over the live nodes that run it, in the order of their names, whole shares first and the remainder one each to the
 * first nodes. Where the remainder starts turns with the processor's name, so a node is not first for every processor.
 * Every node computes the same deal from the same rows, so the shares add up to the segments (which segment each node
 * takes is left to the claims: a node with room takes the free ones it finds).
 *
 * @param self     this node
 * @param runners  for each processor, the live processing nodes that run it, sorted
 * @param segments the segments of each processor, as the token store has them
 */
record SegmentShares(String self, Map<String, List<String>> runners, Map<String, Integer> segments) {

    /** Before this node's first heartbeat: it knows nothing yet, so it claims nothing. */
    static SegmentShares none(String self) {
        return new SegmentShares(self, Map.of(), Map.of());
    }

    /** Whether this node's share is the whole processor (it runs alone): then nothing needs counting. */
    boolean holdsAll(String processor) {
        Integer total = segments.get(processor);
        return total != null && shareOf(processor) >= total;
    }

    int shareOf(String processor) {
        Integer total = segments.get(processor);
        if (total == null) {
            // A processor whose segments do not exist yet (its first start): its processor creates them, and the next
            // heartbeat deals them out.
            return 0;
        }
        List<String> nodes = runners.getOrDefault(processor, List.of());
        int position = nodes.indexOf(self);
        if (position < 0) {
            // This node does not run the processor (yet): it has not started, stopped on an error, or is not processing.
            return 0;
        }
        int rank = (position + Math.floorMod(processor.hashCode(), nodes.size())) % nodes.size();
        return total / nodes.size() + (rank < total % nodes.size() ? 1 : 0);
    }
}
