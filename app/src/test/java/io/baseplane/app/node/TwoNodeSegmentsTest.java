package io.baseplane.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.axon.AxonProperties;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SecondNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Two platform instances on one database share the work of every event processor: the segments end up split between
 * them (as evenly as they divide), a node that stops hands its segments to the other well within the claim timeout, and the segments of a
 * node that died are taken over once its claims expire — and not before. Work goes on throughout: a tenant's
 * onboarding (sagas) and its view (projections) complete whichever node holds which segment.
 */
class TwoNodeSegmentsTest extends PlatformTestBase {

    private static final String SECOND = "second-node";

    @Autowired
    private Environment environment;

    @Autowired
    private AxonProperties axon;

    @Autowired
    private NodeProperties node;

    @Test
    void theSegmentsAreSplitBetweenTwoNodesAndTakenBackWhenOneStops() {
        try (SecondNode second = SecondNode.startOn(environment)) {
            within(Duration.ofSeconds(30), this::splitBetweenBothNodes);

            String tenantId = createTenant("FREE");

            within(Duration.ofSeconds(15), () -> second.api().as(tokens.tenantAdmin(tenantId, "owner"))
                    .get("/api/v1/tenants/" + tenantId).status() == 200);
        }
        // Handed over, not left to time out: well within the claim timeout.
        within(node.claimTimeout().dividedBy(2), () -> ownersOfEverySegment().equals(Set.of(axon.nodeId())));

        String tenantId = createTenant("FREE");
        within(Duration.ofSeconds(15), () -> api.as(tokens.tenantAdmin(tenantId, "owner"))
                .get("/api/v1/tenants/" + tenantId).status() == 200);
    }

    @Test
    void theSegmentsOfANodeThatDiedAreTakenOverOnceItsClaimsExpire() {
        SecondNode second = SecondNode.startOn(environment);
        try {
            within(Duration.ofSeconds(30), this::splitBetweenBothNodes);

            long diedAt = System.nanoTime();
            second.dieWithoutCleaningUp();
            within(node.claimTimeout().plusSeconds(10), () -> ownersOfEverySegment().equals(Set.of(axon.nodeId())));
            Duration takeover = Duration.ofNanos(System.nanoTime() - diedAt);

            System.out.printf("Takeover of a dead node's segments: %d ms (claim timeout %d ms)%n",
                    takeover.toMillis(), node.claimTimeout().toMillis());
            // Claims are extended at least twice per timeout: none expires within half of it after the last beat.
            assertThat(takeover).isGreaterThan(node.claimTimeout().dividedBy(3));
        } finally {
            second.close();
        }
        String tenantId = createTenant("FREE");
        within(Duration.ofSeconds(15), () -> api.as(tokens.tenantAdmin(tenantId, "owner"))
                .get("/api/v1/tenants/" + tenantId).status() == 200);
    }

    /** Each processor's segments held by both nodes, their counts at most one apart (a single segment by either). */
    private boolean splitBetweenBothNodes() {
        Map<String, Map<String, Integer>> held = segmentsHeldByNode();
        return !held.isEmpty() && held.values().stream().allMatch(owners -> {
            int total = owners.values().stream().mapToInt(Integer::intValue).sum();
            int first = owners.getOrDefault(axon.nodeId(), 0);
            int second = owners.getOrDefault(SECOND, 0);
            return first + second == total && (total == 1 || first > 0 && second > 0 && Math.abs(first - second) <= 1);
        });
    }

    private Set<String> ownersOfEverySegment() {
        Set<String> owners = new HashSet<>();
        segmentsHeldByNode().values().forEach(byOwner -> owners.addAll(byOwner.keySet()));
        return owners;
    }

    /** processor → owner (or "unclaimed") → segments. */
    private Map<String, Map<String, Integer>> segmentsHeldByNode() {
        Map<String, Map<String, Integer>> held = new HashMap<>();
        jdbc.query("select processor_name, coalesce(owner, 'unclaimed'), count(*) from token_entry group by 1, 2",
                row -> {
                    held.computeIfAbsent(row.getString(1), p -> new HashMap<>()).put(row.getString(2), row.getInt(3));
                });
        return held;
    }

    private void within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(() -> "not within " + limit + "; segments held: " + segmentsHeldByNode())
                    .isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
