package io.baseplane.command.tenant.web;

import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.Plan;

/** Request bodies of the tenant endpoints. */
final class TenantRequests {

    private TenantRequests() {
    }

    /**
     * {@code id} is optional: a client that chooses it can retry a create safely. {@code owner} is optional:
     * the user who owns the default workspace; without it, the caller.
     */
    record Create(String id, String name, Plan plan, String owner) {

        UserId ownerId() {
            return owner == null ? null : UserId.ofNewMember("owner", owner);
        }
    }

    record ChangePlan(Plan plan) {
    }

    record Reason(String reason) {

        static String of(Reason request) {
            return request == null ? null : request.reason();
        }
    }

    record ProvisionWorkspace(String id, String name, String description) {
    }
}
