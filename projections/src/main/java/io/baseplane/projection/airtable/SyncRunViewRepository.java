package io.baseplane.projection.airtable;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

/** The {@code sync_run_view} rows. */
public interface SyncRunViewRepository extends JpaRepository<SyncRunEntity, UUID> {

    /** Runs of a sync, newest request first and by run id among equals: a stable order for paging. */
    Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.asc("runId"));

    Page<SyncRunEntity> findBySyncId(UUID syncId, Pageable pageable);

    default Page<SyncRunEntity> pageOfSync(UUID syncId, int page, int size) {
        return findBySyncId(syncId, PageRequest.of(page, size, NEWEST_FIRST));
    }
}
