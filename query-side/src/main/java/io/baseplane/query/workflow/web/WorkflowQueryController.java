package io.baseplane.query.workflow.web;

import io.baseplane.kernel.common.ResultPage;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workflow.query.FindWorkflowRunQuery;
import io.baseplane.kernel.workflow.query.ListWorkflowRunsQuery;
import io.baseplane.kernel.workflow.query.ListWorkspaceWorkflowsQuery;
import io.baseplane.kernel.workflow.query.WorkflowRunView;
import io.baseplane.kernel.workflow.query.WorkflowView;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.query.api.Paging;
import io.baseplane.query.api.QuerySender;
import io.baseplane.query.api.ReadYourWrites;
import io.baseplane.query.api.ViewResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workflows and their runs over HTTP. {@code X-Min-Version} applies to the one single-aggregate path, a
 * run, whose version is the run's own. Tenant isolation is enforced by the query handler.
 */
@RestController
class WorkflowQueryController {

    private final QuerySender queries;
    private final ReadYourWrites readYourWrites;
    private final Paging paging;

    WorkflowQueryController(QuerySender queries, ReadYourWrites readYourWrites, Paging paging) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.paging = paging;
    }

    @GetMapping("/api/v1/workspaces/{workspaceId}/workflows")
    @SuppressWarnings("unchecked")
    ResponseEntity<ResultPage<WorkflowView>> workflows(@PathVariable WorkspaceId workspaceId,
                                                       @RequestParam(required = false) String page,
                                                       @RequestParam(required = false) String size) {
        Paging.Slice slice = paging.of(page, size);
        return ResponseEntity.ok(queries.ask(
                new ListWorkspaceWorkflowsQuery(workspaceId, slice.page(), slice.size()), ResultPage.class));
    }

    @GetMapping("/api/v1/workflows/{workflowId}/runs")
    @SuppressWarnings("unchecked")
    ResponseEntity<ResultPage<WorkflowRunView>> runs(@PathVariable WorkflowId workflowId,
                                                     @RequestParam(required = false) String page,
                                                     @RequestParam(required = false) String size) {
        Paging.Slice slice = paging.of(page, size);
        return ResponseEntity.ok(queries.ask(
                new ListWorkflowRunsQuery(workflowId, slice.page(), slice.size()), ResultPage.class));
    }

    @GetMapping("/api/v1/workflow-runs/{runId}")
    ResponseEntity<WorkflowRunView> run(@PathVariable WorkflowRunId runId,
                                        @RequestHeader(name = ReadYourWrites.HEADER, required = false) String minVersion) {
        return ViewResponses.ok(readYourWrites.read(
                () -> queries.ask(new FindWorkflowRunQuery(runId), WorkflowRunView.class), minVersion));
    }
}
