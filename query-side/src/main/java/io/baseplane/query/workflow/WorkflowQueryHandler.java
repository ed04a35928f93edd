package io.baseplane.query.workflow;

import io.baseplane.kernel.common.Caller;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.ResultPage;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.query.FindWorkflowRunQuery;
import io.baseplane.kernel.workflow.query.ListWorkflowRunsQuery;
import io.baseplane.kernel.workflow.query.ListWorkspaceWorkflowsQuery;
import io.baseplane.kernel.workflow.query.WorkflowRunView;
import io.baseplane.kernel.workflow.query.WorkflowView;
import io.baseplane.projection.workflow.WorkflowEntity;
import io.baseplane.projection.workflow.WorkflowRunEntity;
import io.baseplane.projection.workflow.WorkflowRunViewRepository;
import io.baseplane.projection.workflow.WorkflowViewRepository;
import io.baseplane.projection.workflow.WorkspaceOwnerEntity;
import io.baseplane.projection.workflow.WorkspaceOwnerRepository;
import io.baseplane.query.api.QueryProperties;
import io.baseplane.query.api.ReadOnlyTransactions;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * Answers the workflow queries from {@code workflow_view}, {@code workflow_run_view} and
 * {@code workflow_view_workspace}, each in one read-only (repeatable-read) transaction of the read models.
 * The caller in the query's metadata must belong to the tenant of the workspace, workflow or run (operators see every
 * tenant); otherwise it is "not found", as is a workspace the workflow view does not know.
 *
 * <p>List handlers declare the raw {@code ResultPage}: Axon 4 matches a query's
 * {@code ResponseTypes.instanceOf(ResultPage.class)} only against a handler's non-generic return type.
 */
@Component
class WorkflowQueryHandler {

    static final String WORKSPACE = "workspace";
    static final String WORKFLOW = "workflow";
    static final String RUN = "workflow-run";

    private final WorkspaceOwnerRepository workspaces;
    private final WorkflowViewRepository workflows;
    private final WorkflowRunViewRepository runs;
    private final QueryProperties properties;
    private final ReadOnlyTransactions transactions;

    WorkflowQueryHandler(WorkspaceOwnerRepository workspaces, WorkflowViewRepository workflows,
                         WorkflowRunViewRepository runs, QueryProperties properties,
                         ReadOnlyTransactions transactions) {
        this.workspaces = workspaces;
        this.workflows = workflows;
        this.runs = runs;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** Answers a {@code ResultPage<WorkflowView>}; raw, see the class comment. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    ResultPage handle(ListWorkspaceWorkflowsQuery query, MetaData metaData) {
        requirePage(query.page(), query.size());
        return transactions.read(() -> {
            WorkspaceOwnerEntity workspace = workspaces.findById(query.workspaceId().value())
                    .filter(WorkspaceOwnerEntity::exists)
                    .orElseThrow(() -> new NotFoundException(WORKSPACE, query.workspaceId()));
            Caller.from(metaData).requireAccessTo(new TenantId(workspace.tenantId()), WORKSPACE, query.workspaceId());
            Page<WorkflowEntity> page = workflows.pageOfWorkspace(query.workspaceId().value(), query.page(), query.size());
            return new ResultPage<>(page.getContent().stream().map(WorkflowEntity::toView).toList(),
                    query.page(), query.size(), page.getTotalElements());
        });
    }

    /** Answers a {@code ResultPage<WorkflowRunView>}; raw, see the class comment. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    ResultPage handle(ListWorkflowRunsQuery query, MetaData metaData) {
        requirePage(query.page(), query.size());
        return transactions.read(() -> {
            WorkflowEntity workflow = workflows.findById(query.workflowId().value())
                    .orElseThrow(() -> new NotFoundException(WORKFLOW, query.workflowId()));
            Caller.from(metaData).requireAccessTo(new TenantId(workflow.tenantId()), WORKFLOW, query.workflowId());
            Page<WorkflowRunEntity> page = runs.pageOfWorkflow(query.workflowId().value(), query.page(), query.size());
            return new ResultPage<>(page.getContent().stream().map(WorkflowRunEntity::toView).toList(),
                    query.page(), query.size(), page.getTotalElements());
        });
    }

    @QueryHandler
    WorkflowRunView handle(FindWorkflowRunQuery query, MetaData metaData) {
        return transactions.read(() -> {
            WorkflowRunEntity run = runs.findById(query.runId().value())
                    .orElseThrow(() -> new NotFoundException(RUN, query.runId()));
            Caller.from(metaData).requireAccessTo(new TenantId(run.tenantId()), RUN, query.runId());
            return run.toView();
        });
    }

    private void requirePage(int page, int size) {
        if (page < 0) {
            throw new InvalidValueException("page", "must be 0 or more");
        }
        if (size < 1 || size > properties.maxPageSize()) {
            throw new InvalidValueException("size", "must be between 1 and " + properties.maxPageSize());
        }
    }
}
