package io.baseplane.kernel.workspace.query;

import io.baseplane.kernel.common.Ids;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.Text;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceStatus;

/**
 * One page of a tenant's workspaces, oldest first (by creation, then id), answered with a
 * {@code ResultPage<WorkspaceSummary>}.
 *
 * @param status       only workspaces in this status; null for all (a discarded workspace is never listed)
 * @param nameContains only workspaces whose name contains this text, ignoring case; null for all
 * @param page         page number from 0
 * @param size         items per page, at least 1 (the API caps it)
 */
public record ListTenantWorkspacesQuery(TenantId tenantId, WorkspaceStatus status, String nameContains, int page,
                                        int size) {

    /** Longer than a workspace name can be, so it could never match. */
    public static final int NAME_CONTAINS_MAX = 100;

    public ListTenantWorkspacesQuery {
        Ids.requireNonNull("tenantId", tenantId);
        if (status == WorkspaceStatus.DISCARDED) {
            throw new InvalidValueException("status", "must be ACTIVE or ARCHIVED");
        }
        String text = Text.optionalText("nameContains", nameContains, NAME_CONTAINS_MAX).strip();
        nameContains = text.isEmpty() ? null : text;
        Pages.require(page, size);
    }
}
