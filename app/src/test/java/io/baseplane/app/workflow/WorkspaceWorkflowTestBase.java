package io.baseplane.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
