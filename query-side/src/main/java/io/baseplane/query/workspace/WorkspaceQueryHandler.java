package io.baseplane.query.workspace;

import io.baseplane.kernel.common.Caller;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.ResultPage;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.query.FindWorkspaceQuery;
import io.baseplane.kernel.workspace.query.ListTenantWorkspacesQuery;
import io.baseplane.kernel.workspace.query.ListWorkspaceMembersQuery;
import io.baseplane.kernel.workspace.query.MemberView;
import io.baseplane.kernel.workspace.query.WorkspaceSummary;
import io.baseplane.kernel.workspace.query.WorkspaceView;
import io.baseplane.projection.tenant.TenantViewRepository;
import io.baseplane.projection.workspace.WorkspaceMemberEntity;
import io.baseplane.projection.workspace.WorkspaceMemberRepository;
import io.baseplane.projection.workspace.WorkspaceViewEntity;
import io.baseplane.projection.workspace.WorkspaceViewRepository;
import io.baseplane.query.api.ReadOnlyTransactions;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * Answers workspace queries from the workspace view. Tenant isolation is enforced here, where the data is:
 * a workspace of another tenant, its members and another tenant's list are "not found", exactly like ones
 * that do not exist; a discarded workspace does not exist either.
 *
 * <p>List handlers declare the raw {@code ResultPage}: Axon 4 matches a query's
 * {@code ResponseTypes.instanceOf(ResultPage.class)} only against a handler's non-generic return type.
 */
@Component
class WorkspaceQueryHandler {

    private final WorkspaceViewRepository workspaces;
    private final WorkspaceMemberRepository members;
    private final TenantViewRepository tenants;
    private final ReadOnlyTransactions transactions;
    private final WorkspaceViewRows workspaceRows;

    WorkspaceQueryHandler(WorkspaceViewRepository workspaces, WorkspaceMemberRepository members,
                          TenantViewRepository tenants, ReadOnlyTransactions transactions,
                          WorkspaceViewRows workspaceRows) {
        this.workspaces = workspaces;
        this.workspaceRows = workspaceRows;
        this.members = members;
        this.tenants = tenants;
        this.transactions = transactions;
    }

    @QueryHandler
    WorkspaceView handle(FindWorkspaceQuery query, MetaData metaData) {
        WorkspaceId workspaceId = query.workspaceId();
        WorkspaceView workspace = workspaceRows.find(workspaceId)
                .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        Caller.from(metaData).requireAccessTo(workspace.tenantId(), "workspace", workspaceId);
        return workspace;
    }

    /** Answers a {@code ResultPage<WorkspaceSummary>}; raw, see {@link WorkspaceQueryHandler}. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    ResultPage handle(ListTenantWorkspacesQuery query, MetaData metaData) {
        TenantId tenantId = query.tenantId();
        Caller.from(metaData).requireAccessTo(tenantId, "tenant", tenantId);
        return transactions.read(() -> {
            if (!tenants.existsById(tenantId.value())) {
                throw new NotFoundException("tenant", tenantId);
            }
            Page<WorkspaceViewEntity> page = workspaces.findListed(tenantId.value(), query.status(),
                    query.nameContains(), query.page(), query.size());
            List<WorkspaceSummary> items = page.map(WorkspaceViewEntity::toSummary).getContent();
            return new ResultPage<>(items, query.page(), query.size(), page.getTotalElements());
        });
    }

    /** Answers a {@code ResultPage<MemberView>}; raw, see {@link WorkspaceQueryHandler}. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    ResultPage handle(ListWorkspaceMembersQuery query, MetaData metaData) {
        WorkspaceId workspaceId = query.workspaceId();
        return transactions.read(() -> {
            visibleWorkspace(workspaceId, Caller.from(metaData));
            Page<WorkspaceMemberEntity> page = members.membersOf(workspaceId.value(), query.page(), query.size());
            List<MemberView> items = page.map(WorkspaceMemberEntity::toView).getContent();
            return new ResultPage<>(items, query.page(), query.size(), page.getTotalElements());
        });
    }

    private WorkspaceViewEntity visibleWorkspace(WorkspaceId workspaceId, Caller caller) {
        WorkspaceViewEntity workspace = workspaces.findById(workspaceId.value())
                .filter(found -> !found.isDiscarded())
                .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        caller.requireAccessTo(new TenantId(workspace.tenantId()), "workspace", workspaceId);
        return workspace;
    }
}
