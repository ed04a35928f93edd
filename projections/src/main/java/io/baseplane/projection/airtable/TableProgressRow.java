package io.baseplane.projection.airtable;

import io.baseplane.kernel.airtable.query.SyncRunView;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Row of {@code sync_run_view_table}: the progress of one table within a run. */
@Embeddable
public class TableProgressRow {

    @Column(name = "table_id", nullable = false)
    private String tableId;

    @Column(name = "table_name")
    private String name;

    @Column(name = "field_count")
    private Integer fieldCount;

    @Column(name = "pages_imported", nullable = false)
    private int pagesImported;

    @Column(name = "records_imported", nullable = false)
    private long recordsImported;

    protected TableProgressRow() {
        // for JPA
    }

    TableProgressRow(String tableId) {
        this.tableId = tableId;
    }

    String tableId() {
        return tableId;
    }

    void schema(String tableName, int fields) {
        this.name = tableName;
        this.fieldCount = fields;
    }

    void pageImported(int recordCount) {
        pagesImported++;
        recordsImported += recordCount;
    }

    SyncRunView.TableProgress toView() {
        return new SyncRunView.TableProgress(tableId, name, fieldCount, pagesImported, recordsImported);
    }
}
