package io.baseplane.kernel.workflow.query;

import io.baseplane.kernel.workflow.WorkflowId;

/**
 * The runs of one workflow, most recently started first (then by run id), answered with a
 * {@code ResultPage<WorkflowRunView>}; {@code page} counts from 0.
 */
public record ListWorkflowRunsQuery(WorkflowId workflowId, int page, int size) {
}
