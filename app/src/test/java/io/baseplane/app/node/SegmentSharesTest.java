package io.baseplane.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The deal of a processor's segments over the nodes that run it, as every node computes it for itself. */
class SegmentSharesTest {

    /**
     * Today's names, and names whose hash sits at the edges of int ("kveqhxyq" hashes to Integer.MAX_VALUE,
     * "kveqhxyr" to MIN_VALUE, "kveqhxyp" to MAX_VALUE - 1), where a rank computed carelessly overflows.
     */
    private static final List<String> PROCESSORS = List.of("workspace-view", "TenantOnboardingSagaProcessor",
            "workflow-triggers", "kveqhxyq", "kveqhxyr", "kveqhxyp");

    @Test
    void theEdgeNamesHashWhereTheySay() {
        assertThat(List.of("kveqhxyq".hashCode(), "kveqhxyr".hashCode(), "kveqhxyp".hashCode()))
                .containsExactly(Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1);
    }

    @Test
    void theSharesOfTheNodesAddUpToTheSegmentsAndDifferByAtMostOne() {
        for (String processor : PROCESSORS) {
            for (int nodes = 1; nodes <= 6; nodes++) {
                List<String> names = IntStream.range(0, nodes).mapToObj(i -> "node-" + i).sorted().toList();
                for (int segments = 0; segments <= 17; segments++) {
                    int total = segments;
                    List<Integer> shares = names.stream().map(self -> new SegmentShares(self,
                            Map.of(processor, names), Map.of(processor, total)).shareOf(processor)).toList();

                    assertThat(shares.stream().mapToInt(Integer::intValue).sum())
                            .as("%s, %d nodes, %d segments: %s", processor, nodes, segments, shares).isEqualTo(segments);
                    assertThat(shares.stream().mapToInt(Integer::intValue).max().orElseThrow()
                            - shares.stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThanOrEqualTo(1);
                }
            }
        }
    }

    @Test
    void aNodeThatDoesNotRunTheProcessorGetsNoneOfItAndTheOthersShareAll() {
        Map<String, List<String>> runners = Map.of("workspace-view", List.of("a", "c"));
        Map<String, Integer> segments = Map.of("workspace-view", 4);

        assertThat(new SegmentShares("b", runners, segments).shareOf("workspace-view")).isZero();
        assertThat(new SegmentShares("a", runners, segments).shareOf("workspace-view")).isEqualTo(2);
        assertThat(new SegmentShares("c", runners, segments).shareOf("workspace-view")).isEqualTo(2);
    }

    @Test
    void beforeItsFirstHeartbeatOrBeforeAProcessorHasSegmentsANodeClaimsNothing() {
        assertThat(SegmentShares.none("a").shareOf("workspace-view")).isZero();
        assertThat(new SegmentShares("a", Map.of("new-view", List.of("a")), Map.of()).shareOf("new-view")).isZero();
    }

    @Test
    void aNodeAloneHoldsAllAndOneOfTwoDoesNot() {
        Map<String, Integer> segments = Map.of("workspace-view", 4);

        assertThat(new SegmentShares("a", Map.of("workspace-view", List.of("a")), segments).holdsAll("workspace-view"))
                .isTrue();
        assertThat(new SegmentShares("a", Map.of("workspace-view", List.of("a", "b")), segments)
                .holdsAll("workspace-view")).isFalse();
    }
}
