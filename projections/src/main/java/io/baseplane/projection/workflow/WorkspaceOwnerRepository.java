package io.baseplane.projection.workflow;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The {@code workflow_view_workspace} rows. */
public interface WorkspaceOwnerRepository extends JpaRepository<WorkspaceOwnerEntity, UUID> {
}
