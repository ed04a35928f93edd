package io.baseplane.projection.tenant;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The tenant view's rows; written only by {@link TenantViewProjector}. */
public interface TenantViewRepository extends JpaRepository<TenantViewEntity, UUID> {
}
