package io.baseplane.app.ops.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * How a rebuilt view differs from the live one, table by table: rows only in one of them and rows in both that
 * differ, counted, with a sample of each kind.
 */
public record ViewDiff(boolean empty, List<TableDiff> tables) {

    public static ViewDiff of(List<TableDiff> tables) {
        return new ViewDiff(tables.stream().allMatch(TableDiff::empty), tables);
    }

    /** Rows that differ, over all tables. */
    public long rows() {
        return tables.stream().mapToLong(table -> table.onlyInLive() + table.onlyInShadow() + table.different()).sum();
    }

    public record TableDiff(String table, long onlyInLive, long onlyInShadow, long different, List<Sample> samples) {

        boolean empty() {
            return onlyInLive == 0 && onlyInShadow == 0 && different == 0;
        }
    }

    /**
     * One differing row: its key, the aggregate whose events made it (read them to see which is right), and the row
     * on each side (null on the side that lacks it).
     *
     * @param kind {@code only-in-live}, {@code only-in-shadow} or {@code different}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sample(String kind, String aggregateId, Map<String, Object> key, Map<String, Object> live,
                         Map<String, Object> shadow) {
    }
}
