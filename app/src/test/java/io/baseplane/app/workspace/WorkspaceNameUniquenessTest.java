package io.baseplane.app.workspace;

import static io.baseplane.app.testing.Problems.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.CreateWorkspaceCommand;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Workspace names are unique per tenant, ignoring case. The early check in the aggregates gives a quick
 * refusal; the claim table decides when two creations race past that check together.
 */
class WorkspaceNameUniquenessTest extends PlatformTestBase {

    private static final int ROUNDS = 10;

    @Autowired
    private CommandGateway commandGateway;

    @Test
    void aSecondWorkspaceWithTheSameNameInAnotherCaseEndsWithOneLiveWorkspaceAndTheLosersSlotReleased() {
        String tenantId = createTenant("FREE");
        String winner = provisionWorkspace(tenantId, "olivia", "Design");
        String loser = UUID.randomUUID().toString();

        Api.Response second = admin(tenantId).post("/api/v1/tenants/" + tenantId + "/workspaces",
                Map.of("id", loser, "name", "design"));

        // Either refused at once, or accepted and then compensated by the saga: the end state is the same.
        if (second.status() == 202) {
            eventually(() -> slotReleased(tenantId, loser));
        } else {
            assertRuleViolation(second, "workspace.name-taken");
        }
        assertThat(liveWorkspacesNamed(tenantId, "design")).containsExactly(winner);
        assertThat(claimsOf(tenantId, "design")).containsExactly(winner);
        // "General", from onboarding, holds the other slot.
        assertThat(slotsHeld(tenantId)).isEqualTo(2);
        // The loser's slot really is free: a FREE tenant can still provision its third workspace.
        provisionWorkspace(tenantId, "olivia", "Research");
        assertThat(slotsHeld(tenantId)).isEqualTo(3);
    }

    @Test
    void theSameNameInAnotherTenantIsFine() {
        String tenantId = createTenant("FREE");
        String otherTenant = createTenant("FREE");
        String mine = provisionWorkspace(tenantId, "olivia", "Design");

        String theirs = provisionWorkspace(otherTenant, "olivia", "Design");

        assertThat(liveWorkspacesNamed(tenantId, "design")).containsExactly(mine);
        assertThat(liveWorkspacesNamed(otherTenant, "design")).containsExactly(theirs);
    }

    @Test
    void renamingOntoAnotherWorkspacesNameIsRefusedButChangingTheCaseOfOnesOwnNameIsNot() {
        String tenantId = createTenant("FREE");
        String design = provisionWorkspace(tenantId, "olivia", "Design");
        String research = provisionWorkspace(tenantId, "olivia", "Research");
        long before = events.count();

        Api.Response taken = admin(tenantId).patch("/api/v1/workspaces/" + research, Map.of("name", "  DESIGN "));
        assertRuleViolation(taken, "workspace.name-taken");
        assertThat(events.count()).isEqualTo(before);

        Api.Response recased = admin(tenantId).patch("/api/v1/workspaces/" + design, Map.of("name", "DESIGN"));
        assertThat(recased.status()).as(recased.toString()).isEqualTo(200);
        assertThat(claimsOf(tenantId, "design")).containsExactly(design);
    }

    @Test
    void aNameFreedByARenameCanBeTakenAgain() {
        String tenantId = createTenant("FREE");
        String design = provisionWorkspace(tenantId, "olivia", "Design");
        Api.Response renamed = admin(tenantId).patch("/api/v1/workspaces/" + design, Map.of("name", "Old design"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        String again = provisionWorkspace(tenantId, "olivia", "design");

        assertThat(claimsOf(tenantId, "design")).containsExactly(again);
        assertThat(claimsOf(tenantId, "old design")).containsExactly(design);
    }

    @Test
    void twoConcurrentCreationsWithOneNameLetExactlyOneWin() throws Exception {
        String tenantId = createTenant("ENTERPRISE");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int decidedByTheClaimTable = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String name = "Race " + round + " " + UUID.randomUUID().toString().substring(0, 8);
                String key = name.toLowerCase(Locale.ROOT);
                WorkspaceId first = WorkspaceId.random();
                WorkspaceId second = WorkspaceId.random();
                CyclicBarrier start = new CyclicBarrier(2);
                long positionsBefore = eventPositionsTaken();

                Future<Throwable> a = pool.submit(() -> create(start, first, tenantId, name));
                Future<Throwable> b = pool.submit(() -> create(start, second, tenantId, name.toUpperCase(Locale.ROOT)));
                List<Throwable> outcomes = new ArrayList<>();
                outcomes.add(a.get(30, TimeUnit.SECONDS));
                outcomes.add(b.get(30, TimeUnit.SECONDS));

                String context = "round " + round + ": " + outcomes;
                assertThat(outcomes).as(context).filteredOn(outcome -> outcome == null).hasSize(1);
                Throwable failure = outcomes.stream().filter(outcome -> outcome != null).findFirst().orElseThrow();
                RuleViolationException rule = ruleViolationIn(failure);
                assertThat(rule).as(context + " failed with " + failure).isNotNull();
                assertThat(rule.code()).as(context).isEqualTo("workspace.name-taken");

                String won = (outcomes.get(0) == null ? first : second).toString();
                String lost = (outcomes.get(0) == null ? second : first).toString();
                assertThat(workspacesCreatedNamed(tenantId, key)).as(context).containsExactly(won);
                assertThat(claimsOf(tenantId, key)).as(context).containsExactly(won);
                assertThat(events.typesOf(won)).as(context).containsExactly("WorkspaceCreated", "MemberAdded");
                assertThat(events.typesOf(lost)).as(context + ": the loser's events were rolled back").isEmpty();
                assertThat(jdbc.queryForObject("select count(*) from workspace_member_count where workspace_id = ?::uuid",
                        Long.class, lost)).as(context + ": the loser's lookups were rolled back").isZero();
                // Four positions taken for the two stored events of one creation: the loser passed the early check,
                // appended its events and was rolled back when its claim failed. Otherwise the early check refused it.
                if (eventPositionsTaken() - positionsBefore == 4) {
                    decidedByTheClaimTable++;
                }
            }
            assertThat(decidedByTheClaimTable).as("rounds in which both creations got past the early check, "
                    + "so that the claim table had to decide; none means this test never raced").isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private Throwable create(CyclicBarrier start, WorkspaceId workspaceId, String tenantId, String name) {
        var command = GenericCommandMessage.asCommandMessage(
                        new CreateWorkspaceCommand(workspaceId, TenantId.of(tenantId), name, "racing", UserId.of("racer")))
                .andMetaData(Map.of("tenantId", tenantId, "userId", "racer"));
        try {
            start.await(10, TimeUnit.SECONDS);
            commandGateway.sendAndWait(command);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    /** The event store's global index positions handed out so far, including those of rolled-back appends. */
    private long eventPositionsTaken() {
        return jdbc.queryForObject("select coalesce(pg_sequence_last_value("
                + "pg_get_serial_sequence('domain_event_entry', 'global_index')), 0)", Long.class);
    }

    private static RuleViolationException ruleViolationIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RuleViolationException rule) {
                return rule;
            }
        }
        return null;
    }

    private Api admin(String tenantId) {
        return api.as(tokens.tenantAdmin(tenantId, "olivia"));
    }

    /** Workspaces of the tenant created with this name (compared as the platform does) and not discarded. */
    private List<String> liveWorkspacesNamed(String tenantId, String key) {
        return jdbc.queryForList("""
                select c.aggregate_identifier from audit_event_log c
                 where c.payload_type like '%.WorkspaceCreated' and c.payload->>'tenantId' = ?
                   and lower(trim(c.payload->>'name')) = ?
                   and not exists (select 1 from audit_event_log d where d.aggregate_identifier = c.aggregate_identifier
                                     and d.payload_type like '%.WorkspaceDiscarded')
                """, String.class, tenantId, key);
    }

    private List<String> workspacesCreatedNamed(String tenantId, String key) {
        return jdbc.queryForList("""
                select aggregate_identifier from audit_event_log
                 where payload_type like '%.WorkspaceCreated' and payload->>'tenantId' = ?
                   and lower(trim(payload->>'name')) = ?
                """, String.class, tenantId, key);
    }

    private List<String> claimsOf(String tenantId, String key) {
        return jdbc.queryForList("select workspace_id::text from workspace_name_claim where tenant_id = ?::uuid "
                + "and name_key = ?", String.class, tenantId, key);
    }

    /** Slots reserved minus slots released, as the tenant's own events tell it. */
    private long slotsHeld(String tenantId) {
        List<String> types = events.typesOf(tenantId);
        return types.stream().filter("WorkspaceSlotReserved"::equals).count()
                - types.stream().filter("WorkspaceSlotReleased"::equals).count();
    }

    private boolean slotReleased(String tenantId, String workspaceId) {
        return jdbc.queryForObject("""
                select count(*) from audit_event_log where aggregate_identifier = ?
                   and payload_type like '%.WorkspaceSlotReleased' and payload->>'workspaceId' = ?
                """, Long.class, tenantId, workspaceId) == 1;
    }
}
