package io.baseplane.projection.workflow;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

/** The {@code workflow_view} rows. */
public interface WorkflowViewRepository extends JpaRepository<WorkflowEntity, UUID> {

    /** Workflows of a workspace, oldest first and by id among equals: a stable order for paging. */
    Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("workflowId"));

    Page<WorkflowEntity> findByWorkspaceId(UUID workspaceId, Pageable pageable);

    default Page<WorkflowEntity> pageOfWorkspace(UUID workspaceId, int page, int size) {
        return findByWorkspaceId(workspaceId, PageRequest.of(page, size, OLDEST_FIRST));
    }
}
