package io.baseplane.command.workspace.web;

import io.baseplane.command.api.CommandResult;
import io.baseplane.command.api.CommandSender;
import io.baseplane.command.api.IfMatch;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.workspace.AddMemberCommand;
import io.baseplane.kernel.workspace.ArchiveWorkspaceCommand;
import io.baseplane.kernel.workspace.ChangeMemberRoleCommand;
import io.baseplane.kernel.workspace.RemoveMemberCommand;
import io.baseplane.kernel.workspace.UpdateWorkspaceDetailsCommand;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Workspace commands over HTTP. Tenant isolation is enforced again by the aggregate's handlers. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
class WorkspaceCommandController {

    private final CommandSender commands;

    WorkspaceCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PatchMapping
    ResponseEntity<CommandResult> updateDetails(@PathVariable WorkspaceId workspaceId,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                @RequestBody WorkspaceRequests.UpdateDetails request) {
        return commands.send(workspaceId, new UpdateWorkspaceDetailsCommand(
                workspaceId, request.name(), request.description(), IfMatch.expectedVersion(ifMatch))).ok();
    }

    @PostMapping("/members")
    ResponseEntity<CommandResult> addMember(@PathVariable WorkspaceId workspaceId,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            @RequestBody WorkspaceRequests.AddMember request) {
        UserId userId = UserId.ofNewMember("userId", request.userId());
        // Built before the write, the id strictly encoded (a "/" too), so nothing can fail once the member is added.
        URI location = UriComponentsBuilder.fromPath("/api/v1/workspaces/{workspaceId}/members/{userId}")
                .encode().buildAndExpand(workspaceId, userId).toUri();
        return commands.send(workspaceId, new AddMemberCommand(
                        workspaceId, userId, request.role(), IfMatch.expectedVersion(ifMatch)))
                .created(location);
    }

    @PutMapping("/members/{userId}")
    ResponseEntity<CommandResult> changeRole(@PathVariable WorkspaceId workspaceId,
                                             @PathVariable UserId userId,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             @RequestBody WorkspaceRequests.ChangeRole request) {
        return commands.send(workspaceId, new ChangeMemberRoleCommand(
                workspaceId, userId, request.role(), IfMatch.expectedVersion(ifMatch))).ok();
    }

    @DeleteMapping("/members/{userId}")
    ResponseEntity<CommandResult> removeMember(@PathVariable WorkspaceId workspaceId,
                                               @PathVariable UserId userId,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return commands.send(workspaceId,
                new RemoveMemberCommand(workspaceId, userId, IfMatch.expectedVersion(ifMatch))).ok();
    }

    @PostMapping("/archive")
    ResponseEntity<CommandResult> archive(@PathVariable WorkspaceId workspaceId,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return commands.send(workspaceId,
                new ArchiveWorkspaceCommand(workspaceId, IfMatch.expectedVersion(ifMatch))).ok();
    }
}
