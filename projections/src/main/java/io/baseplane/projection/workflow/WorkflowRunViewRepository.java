package io.baseplane.projection.workflow;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

/** The {@code workflow_run_view} rows. */
public interface WorkflowRunViewRepository extends JpaRepository<WorkflowRunEntity, UUID> {

    /** Runs of a workflow, most recently started first and by run id among equals: a stable order for paging. */
    Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("startedAt"), Sort.Order.asc("runId"));

    Page<WorkflowRunEntity> findByWorkflowId(UUID workflowId, Pageable pageable);

    default Page<WorkflowRunEntity> pageOfWorkflow(UUID workflowId, int page, int size) {
        return findByWorkflowId(workflowId, PageRequest.of(page, size, NEWEST_FIRST));
    }
}
