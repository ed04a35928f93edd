package io.baseplane.kernel.workflow.query;

import io.baseplane.kernel.workspace.WorkspaceId;

/**
 * The workflows of one workspace, oldest first (then by id), answered with a {@code ResultPage<WorkflowView>};
 * {@code page} counts from 0.
 */
public record ListWorkspaceWorkflowsQuery(WorkspaceId workspaceId, int page, int size) {
}
