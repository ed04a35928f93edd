package io.baseplane.projection.workspace;

import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.MemberRemoved;
import io.baseplane.kernel.workspace.MemberRoleChanged;
import io.baseplane.kernel.workspace.WorkspaceArchived;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDescriptionChanged;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRenamed;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.kernel.workspace.WorkspaceStatus;
import io.baseplane.kernel.workspace.query.FindWorkspaceQuery;
import io.baseplane.projection.ReadModelGroups;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code workspace_view} and {@code workspace_member_view} from the workspace's events.
 *
 * <p>Idempotent: the workspace row remembers the sequence number of the last event applied to the
 * workspace or its members, and an event with a sequence number not above it (a repeat, or an older one) is
 * ignored, so handling an event twice leaves the same rows. A discarded workspace keeps its row, marked
 * {@code DISCARDED} and without members, for the same reason.
 *
 * <p>After each change every node is told (PostgreSQL {@code NOTIFY}, on commit; {@link WorkspaceViewChanges}) and
 * sends the new {@code WorkspaceView} to its subscription queries on {@link FindWorkspaceQuery} for that workspace.
 * Nothing is announced while replaying: the view passes through old states that no subscriber should see.
 */
@Component
@ProcessingGroup(ReadModelGroups.WORKSPACE_VIEW)
public class WorkspaceViewProjector {

    private final WorkspaceViewRepository workspaces;
    private final WorkspaceMemberRepository members;
    private final WorkspaceViewChanges changes;

    WorkspaceViewProjector(WorkspaceViewRepository workspaces, WorkspaceMemberRepository members,
                           WorkspaceViewChanges changes) {
        this.workspaces = workspaces;
        this.members = members;
        this.changes = changes;
    }

    @EventHandler
    public void on(WorkspaceCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
                   ReplayStatus replay) {
        if (workspaces.findById(event.workspaceId().value()).isPresent()) {
            return;
        }
        WorkspaceViewEntity workspace = WorkspaceViewEntity.created(event.workspaceId(), event.tenantId(),
                event.name(), event.description(), sequenceNumber, at);
        workspaces.save(workspace);
        publish(workspace, replay);
    }

    @EventHandler
    public void on(WorkspaceRenamed event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
                   ReplayStatus replay) {
        apply(event.workspaceId(), sequenceNumber, at, replay, workspace -> workspace.rename(event.name()));
    }

    @EventHandler
    public void on(WorkspaceDescriptionChanged event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
                   ReplayStatus replay) {
        apply(event.workspaceId(), sequenceNumber, at, replay,
                workspace -> workspace.describe(event.description()));
    }

    @EventHandler
    public void on(MemberAdded event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
                   ReplayStatus replay) {
        apply(event.workspaceId(), sequenceNumber, at, replay, workspace -> {
            if (members.findById(WorkspaceMemberEntity.key(event.workspaceId(), event.userId())).isEmpty()) {
                members.save(WorkspaceMemberEntity.added(event.workspaceId(), event.userId(), event.role(), at));
                workspace.countMembers(+1);
            }
        });
    }

    @EventHandler
    public void on(MemberRoleChanged event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
                   ReplayStatus replay) {
        WorkspaceRole role = event.role();
        apply(event.workspaceId(), sequenceNumber, at, replay, workspace ->
                members.findById(WorkspaceMemberEntity.key(event.workspaceId(), event.userId()))
                        .ifPresent(member -> member.changeRole(role)));
    }

    @EventHandler
    public void on(MemberRemoved event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
                   ReplayStatus replay) {
        UserId userId = event.userId();
        apply(event.workspaceId(), sequenceNumber, at, replay, workspace ->
                members.findById(WorkspaceMemberEntity.key(event.workspaceId(), userId)).ifPresent(member -> {
                    members.delete(member);
                    // Out of the persistence context at once, so the same user can be added again in this batch.
                    members.flush();
                    workspace.countMembers(-1);
                }));
    }

    @EventHandler
    public void on(WorkspaceArchived event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
                   ReplayStatus replay) {
        apply(event.workspaceId(), sequenceNumber, at, replay,
                workspace -> workspace.changeStatus(WorkspaceStatus.ARCHIVED));
    }

    /** The workspace disappears from every query; its subscribers' streams end. */
    @EventHandler
    public void on(WorkspaceDiscarded event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
                   ReplayStatus replay) {
        workspaces.findById(event.workspaceId().value())
                .filter(workspace -> workspace.isBehind(sequenceNumber))
                .ifPresent(workspace -> {
                    workspace.changeStatus(WorkspaceStatus.DISCARDED);
                    List<WorkspaceMemberEntity> former = members.membersOf(event.workspaceId().value());
                    members.deleteAll(former);
                    members.flush();
                    workspace.noMembers();
                    workspace.applied(sequenceNumber, at);
                    publish(workspace, replay);
                });
    }

    /** A replay starts from empty views. */
    @ResetHandler
    public void reset() {
        members.deleteAllInBatch();
        workspaces.deleteAllInBatch();
    }

    private void apply(WorkspaceId workspaceId, long sequenceNumber, Instant at, ReplayStatus replay,
                       Consumer<WorkspaceViewEntity> change) {
        workspaces.findById(workspaceId.value())
                .filter(workspace -> workspace.isBehind(sequenceNumber) && !workspace.isDiscarded())
                .ifPresent(workspace -> {
                    change.accept(workspace);
                    workspace.applied(sequenceNumber, at);
                    publish(workspace, replay);
                });
    }

    /** Tells every node the workspace's new view; each sends it to its own subscribers, if it has any. */
    private void publish(WorkspaceViewEntity workspace, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        if (workspace.isDiscarded()) {
            changes.announceDiscarded(workspace.workspaceId());
        } else {
            changes.announce(workspace.toView(members.membersOf(workspace.workspaceId().value())));
        }
    }
}
