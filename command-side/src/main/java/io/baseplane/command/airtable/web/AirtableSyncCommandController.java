package io.baseplane.command.airtable.web;

import io.baseplane.command.api.CommandResult;
import io.baseplane.command.api.CommandSender;
import io.baseplane.command.api.IfMatch;
import io.baseplane.command.workspace.WorkspaceDirectory;
import io.baseplane.command.workspace.WorkspaceStanding;
import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.ConnectAirtableBaseCommand;
import io.baseplane.kernel.airtable.DisconnectAirtableBaseCommand;
import io.baseplane.kernel.airtable.RequestSyncRunCommand;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.common.Caller;
import io.baseplane.kernel.common.CurrentCaller;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Airtable sync commands over HTTP: connect a base to a workspace, request a run (a saga does the work,
 * hence 202), disconnect. Tenant isolation is enforced again by the aggregate's handlers.
 */
@RestController
@RequestMapping("/api/v1")
class AirtableSyncCommandController {

    private static final String SYNCS = "/api/v1/airtable-syncs/";

    private final CommandSender commands;
    private final WorkspaceDirectory workspaces;
    private final CurrentCaller caller;

    AirtableSyncCommandController(CommandSender commands, WorkspaceDirectory workspaces, CurrentCaller caller) {
        this.commands = commands;
        this.workspaces = workspaces;
        this.caller = caller;
    }

    /**
     * The sync belongs to the workspace's tenant, looked up on the command side. Another tenant's workspace
     * is "not found" exactly like an unknown one, so the answer does not tell them apart.
     */
    @PostMapping("/workspaces/{workspaceId}/airtable-syncs")
    ResponseEntity<CommandResult> connect(@PathVariable WorkspaceId workspaceId,
                                          @RequestBody AirtableSyncRequests.Connect request) {
        TenantId tenantId = workspaces.find(workspaceId).map(WorkspaceStanding::tenantId)
                .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        Caller.from(caller.metaData()).requireAccessTo(tenantId, "workspace", workspaceId);
        AirtableSyncId syncId = request.id() == null ? AirtableSyncId.random() : AirtableSyncId.of(request.id());
        return commands.create(syncId, new ConnectAirtableBaseCommand(syncId, workspaceId, tenantId,
                        request.baseId(), request.tableIds(), request.tokenRef()))
                .created(URI.create(SYNCS + syncId));
    }

    /** Answers with the run's id and the sync's version after the request; the run's progress is at its URL. */
    @PostMapping("/airtable-syncs/{syncId}/runs")
    ResponseEntity<CommandResult> requestRun(@PathVariable AirtableSyncId syncId,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             @RequestBody(required = false) AirtableSyncRequests.RequestRun request) {
        SyncRunId runId = SyncRunId.random();
        CommandResult requested = commands.send(syncId,
                new RequestSyncRunCommand(syncId, runId, IfMatch.expectedVersion(ifMatch)));
        return new CommandResult(runId.toString(), requested.version())
                .accepted(URI.create(SYNCS + syncId + "/runs/" + runId));
    }

    @DeleteMapping("/airtable-syncs/{syncId}")
    ResponseEntity<CommandResult> disconnect(@PathVariable AirtableSyncId syncId,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return commands.send(syncId, new DisconnectAirtableBaseCommand(syncId, IfMatch.expectedVersion(ifMatch))).ok();
    }
}
