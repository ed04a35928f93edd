package io.baseplane.query.airtable;

import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.query.AirtableSyncView;
import io.baseplane.kernel.airtable.query.FindAirtableSyncQuery;
import io.baseplane.kernel.airtable.query.FindSyncRunQuery;
import io.baseplane.kernel.airtable.query.ListAirtableRecordsQuery;
import io.baseplane.kernel.airtable.query.ListSyncRunsQuery;
import io.baseplane.kernel.airtable.query.SyncRunView;
import io.baseplane.kernel.common.Caller;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.ResultPage;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.projection.airtable.AirtableSyncEntity;
import io.baseplane.projection.airtable.AirtableSyncViewRepository;
import io.baseplane.projection.airtable.SyncRunEntity;
import io.baseplane.projection.airtable.SyncRunViewRepository;
import io.baseplane.query.api.QueryProperties;
import io.baseplane.query.api.ReadOnlyTransactions;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Answers the Airtable queries from {@code airtable_sync_view} and {@code sync_run_view} (and the imported
 * records from {@code airtable_record}), each in one
 * read-only (repeatable-read) transaction of the read models. The caller in the query's metadata must
 * belong to the sync's tenant (operators see every tenant); otherwise the sync and its runs are "not found".
 *
 * <p>List handlers declare the raw {@code ResultPage}: Axon 4 matches a query's
 * {@code ResponseTypes.instanceOf(ResultPage.class)} only against a handler's non-generic return type.
 */
@Component
class AirtableSyncQueryHandler {

    static final String SYNC = "airtable-sync";
    static final String RUN = "airtable-sync-run";
    private static final Pattern TABLE_ID = Pattern.compile("tbl[A-Za-z0-9]{14}");

    private final AirtableSyncViewRepository syncs;
    private final SyncRunViewRepository runs;
    private final QueryProperties properties;
    private final ReadOnlyTransactions transactions;
    private final AirtableRecordRows records;

    AirtableSyncQueryHandler(AirtableSyncViewRepository syncs, SyncRunViewRepository runs, QueryProperties properties,
                             ReadOnlyTransactions transactions, AirtableRecordRows records) {
        this.syncs = syncs;
        this.runs = runs;
        this.properties = properties;
        this.transactions = transactions;
        this.records = records;
    }

    @QueryHandler
    AirtableSyncView handle(FindAirtableSyncQuery query, MetaData metaData) {
        return transactions.read(() -> accessibleSync(query.syncId(), metaData).toView());
    }

    /** Answers a {@code ResultPage<SyncRunView>}; raw, see the class comment. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    ResultPage handle(ListSyncRunsQuery query, MetaData metaData) {
        requirePage(query.page(), query.size());
        return transactions.read(() -> {
            accessibleSync(query.syncId(), metaData);
            Page<SyncRunEntity> page = runs.pageOfSync(query.syncId().value(), query.page(), query.size());
            return new ResultPage<>(page.getContent().stream().map(SyncRunEntity::toView).toList(),
                    query.page(), query.size(), page.getTotalElements());
        });
    }

    /**
     * Answers a {@code ResultPage<AirtableRecordView>}; raw, see the class comment. The sync's tenant is
     * checked on its view, as for the runs: records of an unknown or another tenant's sync are "not found".
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    ResultPage handle(ListAirtableRecordsQuery query, MetaData metaData) {
        requirePage(query.page(), query.size());
        if (query.tableId() != null && !TABLE_ID.matcher(query.tableId()).matches()) {
            throw new InvalidValueException("table", "must be an Airtable table id (tbl followed by 14 letters or digits)");
        }
        return transactions.read(() -> {
            accessibleSync(query.syncId(), metaData);
            return records.page(query.syncId().value(), query.tableId(), query.page(), query.size());
        });
    }

    @QueryHandler
    SyncRunView handle(FindSyncRunQuery query, MetaData metaData) {
        return transactions.read(() -> {
            SyncRunEntity run = runs.findById(query.runId().value())
                    .filter(found -> found.syncId().equals(query.syncId().value()))
                    .orElseThrow(() -> new NotFoundException(RUN, query.runId()));
            Caller.from(metaData).requireAccessTo(new TenantId(run.tenantId()), RUN, query.runId());
            return run.toView();
        });
    }

    private AirtableSyncEntity accessibleSync(AirtableSyncId syncId, MetaData metaData) {
        AirtableSyncEntity sync = syncs.findById(syncId.value()).orElseThrow(() -> new NotFoundException(SYNC, syncId));
        Caller.from(metaData).requireAccessTo(new TenantId(sync.tenantId()), SYNC, syncId);
        return sync;
    }

    private void requirePage(int page, int size) {
        if (page < 0) {
            throw new InvalidValueException("page", "must be 0 or more");
        }
        if (size < 1 || size > properties.maxPageSize()) {
            throw new InvalidValueException("size", "must be between 1 and " + properties.maxPageSize());
        }
    }
}
