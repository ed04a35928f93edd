package io.baseplane.app.ops.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.projection.ViewTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares a view's shadow tables with the live ones, row by row on their primary keys, in the database: a full outer
 * join per table, whole rows compared as JSON. Both sides hold still at the same index of the stream meanwhile
 * ({@link Replay.Step#HOLDING}), so a difference is a difference in what the projector made of the same events.
 */
@Component
class ViewComparison {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ShadowTables shadows;
    private final TransactionTemplate transaction;
    private final int samples;

    ViewComparison(JdbcTemplate jdbc, ShadowTables shadows, PlatformTransactionManager transactionManager,
                   ReplayProperties properties) {
        this.jdbc = jdbc;
        this.shadows = shadows;
        this.transaction = new TransactionTemplate(transactionManager);
        this.samples = properties.diffSamples();
    }

    ViewDiff compare(String shadow, List<ViewTable> tables) {
        String live = shadows.liveSchema();
        return transaction.execute(status -> {
            shadows.unlimited();
            jdbc.execute("set transaction read only");
            List<ViewDiff.TableDiff> diffs = new ArrayList<>();
            for (ViewTable table : tables) {
                diffs.add(compare(live, shadow, table));
            }
            return ViewDiff.of(diffs);
        });
    }

    private ViewDiff.TableDiff compare(String live, String shadow, ViewTable table) {
        List<String> key = primaryKey(live, table.name());
        String first = key.get(0);
        String join = " from " + live + "." + table.name() + " l full join " + shadow + "." + table.name() + " s on "
                + String.join(" and ", key.stream().map(column -> "l." + column + " = s." + column).toList());
        String differs = "l." + first + " is not null and s." + first + " is not null and to_jsonb(l) <> to_jsonb(s)";
        Map<String, Object> counts = jdbc.queryForMap("select"
                + " count(*) filter (where s." + first + " is null) as only_live,"
                + " count(*) filter (where l." + first + " is null) as only_shadow,"
                + " count(*) filter (where " + differs + ") as different" + join);
        List<ViewDiff.Sample> found = jdbc.query("select to_jsonb(l)::text, to_jsonb(s)::text" + join
                        + " where s." + first + " is null or l." + first + " is null or (" + differs + ")"
                        + " order by " + String.join(", ",
                                key.stream().map(c -> "coalesce(l." + c + ", s." + c + ")").toList())
                        + " limit ?",
                (row, n) -> sample(live, shadow, table, key, row(row.getString(1)), row(row.getString(2))), samples);
        return new ViewDiff.TableDiff(table.name(), number(counts.get("only_live")), number(counts.get("only_shadow")),
                number(counts.get("different")), found);
    }

    private ViewDiff.Sample sample(String live, String shadow, ViewTable table, List<String> key,
                                   Map<String, Object> liveRow, Map<String, Object> shadowRow) {
        Map<String, Object> either = liveRow != null ? liveRow : shadowRow;
        Map<String, Object> keyValues = new LinkedHashMap<>();
        key.forEach(column -> keyValues.put(column, either.get(column)));
        String kind = liveRow == null ? "only-in-shadow" : shadowRow == null ? "only-in-live" : "different";
        String aggregateId = aggregateId(liveRow != null ? live : shadow, table, either);
        return new ViewDiff.Sample(kind, aggregateId, keyValues, liveRow, shadowRow);
    }

    private String aggregateId(String schema, ViewTable table, Map<String, Object> row) {
        if (table.parent() == null) {
            return String.valueOf(row.get(table.aggregateColumn()));
        }
        return jdbc.query("select " + table.aggregateColumn() + "::text from " + schema + "." + table.parent()
                        + " where " + table.parentKey() + "::text = ?",
                (result, n) -> result.getString(1), String.valueOf(row.get(table.parentKey())))
                .stream().findFirst().orElse(null);
    }

    private List<String> primaryKey(String schema, String table) {
        List<String> key = jdbc.queryForList("""
                select a.attname from pg_index i
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                where i.indrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass and i.indisprimary
                order by array_position(i.indkey::int2[], a.attnum)""", String.class, schema, table);
        if (key.isEmpty()) {
            throw new IllegalStateException("View table " + table + " has no primary key to compare rows by");
        }
        return key;
    }

    private static Map<String, Object> row(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, ROW);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A row the database rendered as JSON did not read back", e);
        }
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
