package io.baseplane.app.ops.replay;

import io.baseplane.projection.ViewTable;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A view's tables built anew beside the live ones, in a schema of their own: the same columns, keys, checks, indexes
 * and foreign keys under the same names, so that after the switch nothing tells them from the tables a migration made
 * (a later migration that names an index finds it). The projectors write to them unchanged: the shadow processor's
 * transactions put the shadow schema first on the search path.
 */
@Component
class ShadowTables {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ShadowTables(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The schema the live views are in (the connection's current schema: {@code public} unless configured). */
    String liveSchema() {
        return jdbc.queryForObject("select current_schema()", String.class);
    }

    /** Makes the shadow schema with empty copies of the tables; all or nothing. */
    void create(String shadow, List<ViewTable> tables) {
        String live = liveSchema();
        transaction.executeWithoutResult(status -> {
            unlimited();
            List<String> statements = new ArrayList<>();
            statements.add("create schema " + shadow);
            for (ViewTable table : tables) {
                statements.add("create table " + shadow + "." + table.name() + " (like " + live + "." + table.name()
                        + " including defaults including identity including generated including storage"
                        + " including comments)");
            }
            // Keys, checks and exclusions first: the foreign keys below refer to the keys.
            for (ViewTable table : tables) {
                statements.addAll(constraints(live, shadow, table.name(), "contype in ('p', 'u', 'c', 'x')"));
                statements.addAll(indexes(live, shadow, table.name()));
            }
            for (ViewTable table : tables) {
                statements.addAll(constraints(live, shadow, table.name(), "contype = 'f'"));
            }
            // A foreign key's definition names the table it refers to as the live search path sees it; among the
            // shadow tables that name must find the shadow one.
            jdbc.execute("set local search_path to " + shadow + ", " + live);
            statements.forEach(jdbc::execute);
        });
    }

    /**
     * Moves the live tables into {@code previous} and the shadow tables into the live schema, in the caller's
     * transaction; the shadow schema, empty then, is dropped.
     */
    void swap(String shadow, String previous, List<ViewTable> tables) {
        String live = liveSchema();
        jdbc.execute("create schema " + previous);
        for (ViewTable table : tables) {
            jdbc.execute("alter table " + live + "." + table.name() + " set schema " + previous);
        }
        for (ViewTable table : tables) {
            jdbc.execute("alter table " + shadow + "." + table.name() + " set schema " + live);
        }
        jdbc.execute("drop schema " + shadow);
    }

    /** Drops a shadow or previous schema with what is in it; nothing when it does not exist. */
    void drop(String schema) {
        transaction.executeWithoutResult(status -> {
            unlimited();
            jdbc.execute("drop schema if exists " + schema + " cascade");
        });
    }

    /** A large table takes longer than the statement timeout every request has (application.yml). */
    void unlimited() {
        jdbc.execute("set local statement_timeout = 0");
        jdbc.execute("set local lock_timeout = '10s'");
    }

    private List<String> constraints(String live, String shadow, String table, String kinds) {
        return jdbc.query("""
                        select conname, pg_get_constraintdef(oid) from pg_constraint
                        where conrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass and\s""" + kinds
                        + " order by conname",
                (row, n) -> "alter table " + shadow + "." + table + " add constraint " + quoted(row.getString(1)) + " "
                        + row.getString(2),
                live, table);
    }

    /** The indexes no constraint made, under their own names. */
    private List<String> indexes(String live, String shadow, String table) {
        String on = " ON " + live + "." + table + " ";
        return jdbc.query("""
                        select pg_get_indexdef(i.indexrelid) from pg_index i
                        where i.indrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass
                          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                        order by i.indexrelid""",
                (row, n) -> {
                    String definition = row.getString(1);
                    if (!definition.contains(on)) {
                        throw new IllegalStateException("Unexpected index definition on " + table + ": " + definition);
                    }
                    return definition.replace(on, " ON " + shadow + "." + table + " ");
                },
                live, table);
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
