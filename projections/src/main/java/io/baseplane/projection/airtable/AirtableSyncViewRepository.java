package io.baseplane.projection.airtable;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The {@code airtable_sync_view} rows. */
public interface AirtableSyncViewRepository extends JpaRepository<AirtableSyncEntity, UUID> {
}
