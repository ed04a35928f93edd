package io.baseplane.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** Workflow tests in a fresh TEAM tenant's workspace "Operations", owned by its admin olivia. */
abstract class WorkspaceWorkflowTestBase extends PlatformTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected String tenantId;
    protected String workspaceId;

    @BeforeEach
    void provisionTheWorkspace() {
        tenantId = createTenant("TEAM");
        workspaceId = provisionWorkspace(tenantId, "olivia", "Operations");
    }

    /** The tenant's admin, olivia. */
    protected Api admin() {
        return api.as(tokens.tenantAdmin(tenantId, "olivia"));
    }

    protected String workflowsPath() {
        return "/api/v1/workspaces/" + workspaceId + "/workflows";
    }

    /** The WorkflowRunRequested payloads of a workflow, oldest first, read from the event store. */
    protected List<JsonNode> runRequests(String workflowId) {
        return events.rowsOf(workflowId).stream()
                .filter(row -> row.get("payload_type").toString().endsWith("WorkflowRunRequested"))
                .map(row -> json(row.get("payload").toString()))
                .toList();
    }

    protected String defineAndEnabled(Map<String, Object> definition) {
        Api.Response defined = admin().post(workflowsPath(), definition);
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        return defined.json().get("id").asText();
    }

    protected String requestRun(String workflowId) {
        Api.Response accepted = admin().post("/api/v1/workflows/" + workflowId + "/runs", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().get("id").asText();
    }

    /** The run's view once it shows {@code status}. */
    protected JsonNode runReaching(String runId, String status) {
        JsonNode[] run = new JsonNode[1];
        eventually(() -> {
            Api.Response response = admin().get("/api/v1/workflow-runs/" + runId);
            run[0] = response.status() == 200 ? response.json() : null;
            return run[0] != null && status.equals(run[0].get("status").asText());
        });
        return run[0];
    }

    /** The run's saga timeline, as "step TRANSITION". */
    protected List<String> journalOf(String runId) {
        return jdbc.queryForList("select step || ' ' || transition from saga_journal "
                + "where saga_type = 'WorkflowExecution' and saga_key = ? order by id", String.class, runId);
    }

    protected static List<String> statuses(JsonNode run) {
        List<String> statuses = new ArrayList<>();
        run.get("steps").forEach(step -> statuses.add(step.get("status").asText()));
        return statuses;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
