package io.baseplane.command.tenant.web;

import io.baseplane.command.api.CommandResult;
import io.baseplane.command.api.CommandSender;
import io.baseplane.kernel.common.CurrentCaller;
import io.baseplane.command.api.IfMatch;
import io.baseplane.kernel.tenant.ChangeTenantPlanCommand;
import io.baseplane.kernel.tenant.CreateTenantCommand;
import io.baseplane.kernel.tenant.ReactivateTenantCommand;
import io.baseplane.kernel.tenant.ReserveWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.SuspendTenantCommand;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tenant commands over HTTP. Who may call what is the security layer's role matrix. */
@RestController
@RequestMapping("/api/v1/tenants")
class TenantCommandController {

    private final CommandSender commands;
    private final CurrentCaller caller;

    TenantCommandController(CommandSender commands, CurrentCaller caller) {
        this.commands = commands;
        this.caller = caller;
    }

    @PostMapping
    ResponseEntity<CommandResult> create(@RequestBody TenantRequests.Create request) {
        TenantId tenantId = request.id() == null ? TenantId.random() : TenantId.of(request.id());
        return commands.create(tenantId, new CreateTenantCommand(tenantId, request.name(), request.plan(), request.ownerId()))
                .created(URI.create("/api/v1/tenants/" + tenantId));
    }

    @PostMapping("/{tenantId}/plan")
    ResponseEntity<CommandResult> changePlan(@PathVariable TenantId tenantId,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             @RequestBody TenantRequests.ChangePlan request) {
        return commands.send(tenantId,
                new ChangeTenantPlanCommand(tenantId, request.plan(), IfMatch.expectedVersion(ifMatch))).ok();
    }

    @PostMapping("/{tenantId}/suspend")
    ResponseEntity<CommandResult> suspend(@PathVariable TenantId tenantId,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                          @RequestBody(required = false) TenantRequests.Reason request) {
        return commands.send(tenantId, new SuspendTenantCommand(tenantId, TenantRequests.Reason.of(request),
                IfMatch.expectedVersion(ifMatch))).ok();
    }

    @PostMapping("/{tenantId}/reactivate")
    ResponseEntity<CommandResult> reactivate(@PathVariable TenantId tenantId,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             @RequestBody(required = false) TenantRequests.Reason request) {
        return commands.send(tenantId, new ReactivateTenantCommand(tenantId, TenantRequests.Reason.of(request),
                IfMatch.expectedVersion(ifMatch))).ok();
    }

    /** Reserves a slot at once (quota and suspension refusals are immediate); a saga does the rest. */
    @PostMapping("/{tenantId}/workspaces")
    ResponseEntity<CommandResult> provisionWorkspace(@PathVariable TenantId tenantId,
                                                     @RequestBody TenantRequests.ProvisionWorkspace request) {
        WorkspaceId workspaceId = request.id() == null ? WorkspaceId.random() : WorkspaceId.of(request.id());
        var reserve = new ReserveWorkspaceSlotCommand(
                tenantId, workspaceId, request.name(), request.description(), caller.userId());
        commands.send(tenantId, reserve);
        return new CommandResult(workspaceId.toString(), 0)
                .accepted(URI.create("/api/v1/workspaces/" + workspaceId));
    }
}
