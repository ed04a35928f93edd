package io.baseplane.app.node;

import java.util.List;
import java.util.Map;

/**
 * How many segments of each processor this node may hold, as of one heartbeat: the segments are dealt out over the
 * live processing nodes in the order of their names, whole shares first, the remainder one each to the first nodes.
 * Where the remainder starts turns with the processor's name, so a node is not first for every processor. Every node
 * computes the same deal from the same rows, so the shares add up to the segments and no two nodes want one segment.
 *
 * @param self            this node
 * @param processingNodes the live processing nodes, sorted, this node among them if it processes
 * @param segments        the segments of each processor, as the token store has them
 */
record SegmentShares(String self, List<String> processingNodes, Map<String, Integer> segments) {

    /** Before the first heartbeat: a node alone may hold everything. */
    static SegmentShares alone(String self) {
        return new SegmentShares(self, List.of(self), Map.of());
    }

    int shareOf(String processor) {
        int position = processingNodes.indexOf(self);
        if (position < 0) {
            return 0;
        }
        Integer total = segments.get(processor);
        if (total == null) {
            // A processor whose segments do not exist yet: the node that creates them claims them, and the next
            // heartbeat deals them out.
            return Integer.MAX_VALUE;
        }
        int nodes = processingNodes.size();
        int rank = Math.floorMod(position + processor.hashCode(), nodes);
        return total / nodes + (rank < total % nodes ? 1 : 0);
    }
}
