package io.baseplane.projection.workspace;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

/** The members of the workspace view; written only by {@link WorkspaceViewProjector}. */
public interface WorkspaceMemberRepository extends JpaRepository<WorkspaceMemberEntity, WorkspaceMemberEntity.Key> {

    /** The stable order of members: longest-standing first, the user id breaking ties. */
    Sort MEMBER_ORDER = Sort.by("since", "userId");

    List<WorkspaceMemberEntity> findByWorkspaceId(UUID workspaceId, Sort sort);

    Page<WorkspaceMemberEntity> findByWorkspaceId(UUID workspaceId, Pageable pageable);

    /** All members of a workspace in {@link #MEMBER_ORDER}. */
    default List<WorkspaceMemberEntity> membersOf(UUID workspaceId) {
        return findByWorkspaceId(workspaceId, MEMBER_ORDER);
    }

    /** One page of a workspace's members in {@link #MEMBER_ORDER}. */
    default Page<WorkspaceMemberEntity> membersOf(UUID workspaceId, int page, int size) {
        return findByWorkspaceId(workspaceId, PageRequest.of(page, size, MEMBER_ORDER));
    }
}
