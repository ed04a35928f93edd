package io.baseplane.command.workflow.web;

import io.baseplane.command.api.CommandResult;
import io.baseplane.command.api.CommandSender;
import io.baseplane.command.api.IfMatch;
import io.baseplane.command.workspace.WorkspaceDirectory;
import io.baseplane.command.workspace.WorkspaceStanding;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.workflow.DefineWorkflowCommand;
import io.baseplane.kernel.workflow.DisableWorkflowCommand;
import io.baseplane.kernel.workflow.EnableWorkflowCommand;
import io.baseplane.kernel.workflow.RequestWorkflowRunCommand;
import io.baseplane.kernel.workflow.UpdateWorkflowDefinitionCommand;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workflow commands over HTTP. The workspace's tenant comes from the command side's directory; the
 * aggregates check again that the caller may act in that tenant (404 otherwise) and that the workspace is
 * open. A run request answers 202: the execution saga runs the steps, the run view shows how it goes.
 */
@RestController
class WorkflowCommandController {

    private final CommandSender commands;
    private final WorkspaceDirectory workspaces;

    WorkflowCommandController(CommandSender commands, WorkspaceDirectory workspaces) {
        this.commands = commands;
        this.workspaces = workspaces;
    }

    @PostMapping("/api/v1/workspaces/{workspaceId}/workflows")
    ResponseEntity<CommandResult> define(@PathVariable WorkspaceId workspaceId,
                                         @RequestBody WorkflowRequests.Define request) {
        WorkspaceStanding workspace = workspaces.find(workspaceId)
                .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        WorkflowId workflowId = request.id() == null ? WorkflowId.random() : WorkflowId.of(request.id());
        return commands.create(workflowId, new DefineWorkflowCommand(workflowId, workspaceId, workspace.tenantId(),
                        request.name(), request.trigger(), request.steps()))
                .created(URI.create("/api/v1/workflows/" + workflowId));
    }

    @PutMapping("/api/v1/workflows/{workflowId}")
    ResponseEntity<CommandResult> update(@PathVariable WorkflowId workflowId,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         @RequestBody WorkflowRequests.Update request) {
        return commands.send(workflowId, new UpdateWorkflowDefinitionCommand(workflowId, request.name(),
                request.trigger(), request.steps(), IfMatch.expectedVersion(ifMatch))).ok();
    }

    @PostMapping("/api/v1/workflows/{workflowId}/enable")
    ResponseEntity<CommandResult> enable(@PathVariable WorkflowId workflowId,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return commands.send(workflowId, new EnableWorkflowCommand(workflowId, IfMatch.expectedVersion(ifMatch))).ok();
    }

    @PostMapping("/api/v1/workflows/{workflowId}/disable")
    ResponseEntity<CommandResult> disable(@PathVariable WorkflowId workflowId,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return commands.send(workflowId, new DisableWorkflowCommand(workflowId, IfMatch.expectedVersion(ifMatch))).ok();
    }

    /** The run exists once the saga started it: its id and version 0 are what the run view will show. */
    @PostMapping("/api/v1/workflows/{workflowId}/runs")
    ResponseEntity<CommandResult> requestRun(@PathVariable WorkflowId workflowId,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             @RequestBody(required = false) WorkflowRequests.RequestRun body) {
        WorkflowRequests.RequestRun request = WorkflowRequests.RequestRun.of(body);
        WorkflowRunId runId = WorkflowRunId.random();
        commands.send(workflowId, new RequestWorkflowRunCommand(workflowId, runId, request.input(),
                IfMatch.expectedVersion(ifMatch)));
        return new CommandResult(runId.toString(), 0).accepted(URI.create("/api/v1/workflow-runs/" + runId));
    }
}
