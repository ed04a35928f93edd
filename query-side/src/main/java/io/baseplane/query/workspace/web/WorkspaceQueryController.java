package io.baseplane.query.workspace.web;

import io.baseplane.kernel.common.InvalidInput;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.ResultPage;
import io.baseplane.kernel.common.Text;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceStatus;
import io.baseplane.kernel.workspace.query.FindWorkspaceQuery;
import io.baseplane.kernel.workspace.query.ListTenantWorkspacesQuery;
import io.baseplane.kernel.workspace.query.ListWorkspaceMembersQuery;
import io.baseplane.kernel.workspace.query.MemberView;
import io.baseplane.kernel.workspace.query.WorkspaceSummary;
import io.baseplane.kernel.workspace.query.WorkspaceView;
import io.baseplane.query.api.LiveUpdates;
import io.baseplane.query.api.Paging;
import io.baseplane.query.api.QuerySender;
import io.baseplane.query.api.ReadYourWrites;
import io.baseplane.query.api.ViewResponses;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Workspace queries over HTTP, and live updates as Server-Sent Events; tenant isolation is the query handler's. */
@RestController
class WorkspaceQueryController {

    private final QuerySender queries;
    private final ReadYourWrites readYourWrites;
    private final Paging paging;
    private final LiveUpdates liveUpdates;

    WorkspaceQueryController(QuerySender queries, ReadYourWrites readYourWrites, Paging paging,
                             LiveUpdates liveUpdates) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.paging = paging;
        this.liveUpdates = liveUpdates;
    }

    @GetMapping("/api/v1/workspaces/{workspaceId}")
    ResponseEntity<WorkspaceView> workspace(@PathVariable WorkspaceId workspaceId,
                                            @RequestHeader(name = ReadYourWrites.HEADER, required = false)
                                            String minVersion) {
        return ViewResponses.ok(readYourWrites.read(
                () -> queries.ask(new FindWorkspaceQuery(workspaceId), WorkspaceView.class), minVersion));
    }

    @GetMapping("/api/v1/workspaces/{workspaceId}/members")
    @SuppressWarnings("unchecked")
    ResultPage<MemberView> members(@PathVariable WorkspaceId workspaceId,
                                   @RequestParam(required = false) String page,
                                   @RequestParam(required = false) String size) {
        Paging.Slice slice = paging.of(page, size);
        return queries.ask(new ListWorkspaceMembersQuery(workspaceId, slice.page(), slice.size()), ResultPage.class);
    }

    /** {@code status} is ACTIVE or ARCHIVED (any case); {@code q} is part of the name, ignoring case. */
    @GetMapping("/api/v1/tenants/{tenantId}/workspaces")
    @SuppressWarnings("unchecked")
    ResultPage<WorkspaceSummary> tenantWorkspaces(@PathVariable TenantId tenantId,
                                                  @RequestParam(required = false) String status,
                                                  @RequestParam(required = false) String q,
                                                  @RequestParam(required = false) String page,
                                                  @RequestParam(required = false) String size) {
        InvalidInput input = new InvalidInput();
        WorkspaceStatus wanted = input.check(() -> status(status));
        String nameContains = input.check(() -> Text.optionalText("q", q, ListTenantWorkspacesQuery.NAME_CONTAINS_MAX));
        Paging.Slice slice = input.check(() -> paging.of(page, size));
        input.throwIfAny();
        return queries.ask(new ListTenantWorkspacesQuery(tenantId, wanted, nameContains, slice.page(), slice.size()),
                ResultPage.class);
    }

    /** The workspace now, then after each change, as {@code workspace} events whose id is the version. */
    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> updates(@PathVariable WorkspaceId workspaceId) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                // Reverse proxies must pass events on as they come.
                .header("X-Accel-Buffering", "no")
                .body(liveUpdates.stream(new FindWorkspaceQuery(workspaceId), WorkspaceView.class, "workspace"));
    }

    private static WorkspaceStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw.strip().toUpperCase(Locale.ROOT);
        if (!name.equals(WorkspaceStatus.ACTIVE.name()) && !name.equals(WorkspaceStatus.ARCHIVED.name())) {
            throw new InvalidValueException("status", "must be ACTIVE or ARCHIVED");
        }
        return WorkspaceStatus.valueOf(name);
    }
}
