package io.baseplane.kernel.workflow.query;

import io.baseplane.kernel.workflow.WorkflowRunId;

/** One workflow run, answered with a {@link WorkflowRunView}. */
public record FindWorkflowRunQuery(WorkflowRunId runId) {
}
