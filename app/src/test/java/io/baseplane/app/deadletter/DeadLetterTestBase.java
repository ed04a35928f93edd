package io.baseplane.app.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.projection.ReadModelGroups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests of the view processors' dead letters: workspaces whose names the test poisons ({@link PoisonedWorkspaces}) in
 * a tenant of the test's own. After each test the poisons are healed and the test's parked workspaces retried, so no
 * other test (nor the next one) sees dead letters, and the views hold what the event store holds.
 */
abstract class DeadLetterTestBase extends PlatformTestBase {

    protected static final String VIEW = ReadModelGroups.WORKSPACE_VIEW;
    protected static final String REASON = "projector fixed in 1.4.2, ticket OPS-42";
    /** {@link PoisonedWorkspaces}' message with the workspace's id and name masked. */
    protected static final String POISON_MESSAGE = "Workspace view cannot take workspace <uuid> named <value>";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Up to 256 segments: more than a view processor ever has. */
    private static final int SEGMENT_BITS = 0xFF;

    private final List<String> names = new ArrayList<>();
    private final List<String> sequences = new ArrayList<>();
    protected String tenantId;

    @BeforeEach
    void aTenantOfTheTestsOwn() {
        tenantId = createTenant("TEAM");
    }

    /**
     * Heals the test's poisons and retries whatever of its workspaces is still parked, so the views hold what the
     * event store says (a later test rebuilds them from it and compares). Evicting tests run on a platform of their
     * own.
     */
    @AfterEach
    void healAndCatchUp() {
        names.forEach(PoisonedWorkspaces::heal);
        for (String sequence : sequences) {
            if (!letters(sequence).isEmpty()) {
                Api.Response retried = operator().post("/api/v1/ops/dead-letters/retry",
                        Map.of("processor", VIEW, "sequence", sequence, "reason", "test clean-up"));
                if (retried.status() != 200 || !letters(sequence).isEmpty()) {
                    throw new AssertionError("clean-up retry of " + sequence + ": " + retried);
                }
            }
        }
    }

    /** A name the workspace view fails on for good, until {@link PoisonedWorkspaces#heal}ed. */
    protected String poisonedName() {
        String name = "poison-" + UUID.randomUUID();
        PoisonedWorkspaces.poison(name);
        names.add(name);
        return name;
    }

    /** A name the view's batch fails to commit a rename to, for good, until healed. */
    protected String unwritableName() {
        String name = "unwritable-" + UUID.randomUUID();
        PoisonedWorkspaces.makeUnwritable(name);
        names.add(name);
        return name;
    }

    protected String transientlyFailingName(int times) {
        String name = "flaky-" + UUID.randomUUID();
        PoisonedWorkspaces.failTransiently(name, times);
        names.add(name);
        return name;
    }

    /** Provisions a workspace (its events are in the log once this returns); its dead letters are removed after. */
    protected String workspace(String name) {
        String workspaceId = provisionWorkspace(tenantId, "owner", name);
        sequences.add(workspaceId);
        return workspaceId;
    }

    /**
     * A workspace whose events the view's processor handles in the same segment as {@code otherId}'s (the low bits
     * of the hash of its id, which the segments split by, are the same), so the one cannot pass the other by in
     * another segment.
     */
    protected String workspaceBeside(String otherId, String name) {
        String workspaceId;
        do {
            workspaceId = UUID.randomUUID().toString();
        } while ((workspaceId.hashCode() & SEGMENT_BITS) != (otherId.hashCode() & SEGMENT_BITS));
        Api.Response accepted = api.as(tokens.tenantAdmin(tenantId, "owner")).post(
                "/api/v1/tenants/" + tenantId + "/workspaces",
                Map.of("id", workspaceId, "name", name, "description", "for tests"));
        if (accepted.status() != 202) {
            throw new AssertionError(accepted.toString());
        }
        String provisioned = workspaceId;
        eventually(() -> events.typesOf(provisioned).contains("MemberAdded"));
        sequences.add(workspaceId);
        return workspaceId;
    }

    /** A workspace whose view the test poisoned, once its events are parked (created, and the owner added). */
    protected String parkedWorkspace() {
        String workspaceId = workspace(poisonedName());
        eventually(() -> letters(workspaceId).size() == 2);
        return workspaceId;
    }

    /** The workspace's dead letters in the workspace view's queue, in sequence order. */
    protected List<Map<String, Object>> letters(String workspaceId) {
        return jdbc.queryForList("select dead_letter_id, payload_type, sequence_number, cause_type, cause_message "
                + "from dead_letter_entry where processing_group = ? and sequence_identifier = ? "
                + "order by sequence_index", VIEW, workspaceId);
    }

    /** The workspace's row in the workspace view, or null. */
    protected Map<String, Object> viewRow(String workspaceId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select name, member_count from workspace_view where workspace_id = ?::uuid", workspaceId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    protected Api operator() {
        return api.as(tokens.operator());
    }

    /**
     * The list's group of the poisoned workspaces' failure. Every poisoned workspace fails with the same message but
     * for its id and name, so they all share one group; it holds only this test's workspaces (see the class comment).
     */
    protected JsonNode poisonGroup() {
        Api.Response listed = operator().get("/api/v1/ops/dead-letters?processor=" + VIEW);
        if (listed.status() != 200) {
            throw new AssertionError(listed.toString());
        }
        for (JsonNode group : listed.json().get("groups")) {
            if (POISON_MESSAGE.equals(group.path("message").asText())) {
                return group;
            }
        }
        return null;
    }

    /** The operators' actions on dead letters recorded in the event log about this target, oldest first. */
    protected List<Map<String, Object>> actionsOn(String target) {
        return jdbc.queryForList("select payload_type, payload::text as payload, meta_data::text as meta_data "
                + "from audit_event_log where payload_type like 'io.baseplane.kernel.ops.DeadLetters%' "
                + "and payload ->> 'target' = ? order by global_index", target);
    }

    protected static JsonNode json(Object text) {
        try {
            return JSON.readTree(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static Map<String, String> action(String selector, String value) {
        return Map.of("processor", VIEW, selector, value, "reason", REASON);
    }
}
