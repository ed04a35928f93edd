package io.baseplane.query.airtable.web;

import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.query.AirtableRecordView;
import io.baseplane.kernel.airtable.query.AirtableSyncView;
import io.baseplane.kernel.airtable.query.FindAirtableSyncQuery;
import io.baseplane.kernel.airtable.query.FindSyncRunQuery;
import io.baseplane.kernel.airtable.query.ListAirtableRecordsQuery;
import io.baseplane.kernel.airtable.query.ListSyncRunsQuery;
import io.baseplane.kernel.airtable.query.SyncRunView;
import io.baseplane.kernel.common.ResultPage;
import io.baseplane.query.api.Paging;
import io.baseplane.query.api.QuerySender;
import io.baseplane.query.api.ReadYourWrites;
import io.baseplane.query.api.ViewResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An Airtable sync and its runs over HTTP. Runs are part of the sync aggregate, so {@code X-Min-Version}
 * on any of these paths waits for that version of the sync; a run's own {@code version} (its ETag) is the
 * sync's sequence number of the last event that changed the run. Tenant isolation is enforced by the query
 * handler.
 */
@RestController
@RequestMapping("/api/v1/airtable-syncs/{syncId}")
class AirtableSyncQueryController {

    private final QuerySender queries;
    private final ReadYourWrites readYourWrites;
    private final Paging paging;

    AirtableSyncQueryController(QuerySender queries, ReadYourWrites readYourWrites, Paging paging) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.paging = paging;
    }

    @GetMapping
    ResponseEntity<AirtableSyncView> sync(@PathVariable AirtableSyncId syncId,
                                          @RequestHeader(name = ReadYourWrites.HEADER, required = false) String minVersion) {
        return ViewResponses.ok(syncAtLeast(syncId, minVersion));
    }

    @GetMapping("/runs")
    @SuppressWarnings("unchecked")
    ResponseEntity<ResultPage<SyncRunView>> runs(@PathVariable AirtableSyncId syncId,
                                                 @RequestParam(required = false) String page,
                                                 @RequestParam(required = false) String size,
                                                 @RequestHeader(name = ReadYourWrites.HEADER, required = false) String minVersion) {
        Paging.Slice slice = paging.of(page, size);
        ListSyncRunsQuery query = new ListSyncRunsQuery(syncId, slice.page(), slice.size());
        if (minVersion != null) {
            syncAtLeast(syncId, minVersion);
        }
        return ResponseEntity.ok(queries.ask(query, ResultPage.class));
    }

    @GetMapping("/runs/{runId}")
    ResponseEntity<SyncRunView> run(@PathVariable AirtableSyncId syncId, @PathVariable SyncRunId runId,
                                    @RequestHeader(name = ReadYourWrites.HEADER, required = false) String minVersion) {
        // The run's own row is waited for: a run the view does not have yet counts as not caught up, not as 404.
        return ViewResponses.ok(readYourWrites.read(
                () -> queries.ask(new FindSyncRunQuery(syncId, runId), SyncRunView.class), minVersion));
    }

    /** The records of the sync's last completed run; {@code table} narrows them to one synced table. */
    @GetMapping("/records")
    @SuppressWarnings("unchecked")
    ResponseEntity<ResultPage<AirtableRecordView>> records(@PathVariable AirtableSyncId syncId,
                                                           @RequestParam(required = false) String table,
                                                           @RequestParam(required = false) String page,
                                                           @RequestParam(required = false) String size,
                                                           @RequestHeader(name = ReadYourWrites.HEADER, required = false) String minVersion) {
        Paging.Slice slice = paging.of(page, size);
        ListAirtableRecordsQuery query = new ListAirtableRecordsQuery(syncId, table, slice.page(), slice.size());
        if (minVersion != null) {
            syncAtLeast(syncId, minVersion);
        }
        return ResponseEntity.ok(queries.ask(query, ResultPage.class));
    }

    private AirtableSyncView syncAtLeast(AirtableSyncId syncId, String minVersion) {
        return readYourWrites.read(() -> queries.ask(new FindAirtableSyncQuery(syncId), AirtableSyncView.class), minVersion);
    }
}
