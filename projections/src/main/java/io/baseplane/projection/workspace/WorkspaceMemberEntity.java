package io.baseplane.projection.workspace;

import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.kernel.workspace.query.MemberView;
import io.baseplane.projection.ProjectedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One row of {@code workspace_member_view}: a member of a workspace, with role and since when. */
@Entity
@Table(name = "workspace_member_view")
@IdClass(WorkspaceMemberEntity.Key.class)
public class WorkspaceMemberEntity extends ProjectedRow<WorkspaceMemberEntity.Key> {

    @Id
    @Column(name = "workspace_id")
    private UUID workspaceId;

    @Id
    @Column(name = "user_id")
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private WorkspaceRole role;

    @Column(name = "since", nullable = false)
    private Instant since;

    protected WorkspaceMemberEntity() {
    }

    static WorkspaceMemberEntity added(WorkspaceId workspaceId, UserId userId, WorkspaceRole role, Instant since) {
        WorkspaceMemberEntity row = new WorkspaceMemberEntity();
        row.workspaceId = workspaceId.value();
        row.userId = userId.value();
        row.role = role;
        row.since = since;
        row.markFresh();
        return row;
    }

    static Key key(WorkspaceId workspaceId, UserId userId) {
        return new Key(workspaceId.value(), userId.value());
    }

    void changeRole(WorkspaceRole newRole) {
        role = newRole;
    }

    public MemberView toView() {
        return new MemberView(UserId.of(userId), role, since);
    }

    @Override
    public Key getId() {
        return new Key(workspaceId, userId);
    }

    /** The composite primary key (workspace, user). */
    public static class Key implements Serializable {

        private UUID workspaceId;
        private String userId;

        protected Key() {
        }

        public Key(UUID workspaceId, String userId) {
            this.workspaceId = workspaceId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(workspaceId, key.workspaceId)
                    && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workspaceId, userId);
        }
    }
}
