package io.baseplane.projection.workspace;

import io.baseplane.kernel.workspace.WorkspaceStatus;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The workspace view's rows; written only by {@link WorkspaceViewProjector}. */
public interface WorkspaceViewRepository extends JpaRepository<WorkspaceViewEntity, UUID>,
        JpaSpecificationExecutor<WorkspaceViewEntity> {

    /** The stable order of workspace lists: oldest first, the id breaking ties. */
    Sort LIST_ORDER = Sort.by("createdAt", "id");

    /**
     * One page of a tenant's workspaces that are not discarded, in {@link #LIST_ORDER}; optionally only those
     * in {@code status} and those whose name contains {@code nameContains}, ignoring case. Served by the
     * {@code (tenant_id, created_at, workspace_id)} indexes of V6.
     */
    default Page<WorkspaceViewEntity> findListed(UUID tenantId, WorkspaceStatus status, String nameContains,
                                                 int page, int size) {
        Specification<WorkspaceViewEntity> listed = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("tenantId"), tenantId));
            where.add(status == null
                    ? cb.notEqual(root.get("status"), WorkspaceStatus.DISCARDED)
                    : cb.equal(root.get("status"), status));
            if (nameContains != null) {
                where.add(cb.like(cb.lower(root.get("name")), "%" + likeEscaped(nameContains) + "%", '\\'));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return findAll(listed, PageRequest.of(page, size, LIST_ORDER));
    }

    /** Lower-cased, with LIKE's wildcards taken literally. */
    private static String likeEscaped(String text) {
        return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
