package io.baseplane.app.workflow;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import org.junit.jupiter.api.BeforeEach;

/** Workflow tests in a fresh TEAM tenant's workspace "Operations", owned by its admin olivia. */
abstract class WorkspaceWorkflowTestBase extends PlatformTestBase {

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
}
