package io.baseplane.command.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records the updates a lookup-table maintainer issues instead of running them, so its decisions can be
 * tested without a database. Inserts report {@link #rowsInserted} rows (0 simulates a lost race).
 */
public class RecordingJdbcTemplate extends JdbcTemplate {

    public record Statement(String sql, List<Object> args) {
    }

    public final List<Statement> statements = new ArrayList<>();
    public int rowsInserted = 1;

    @Override
    public int update(String sql, Object... args) {
        String statement = sql.strip();
        statements.add(new Statement(statement, Arrays.asList(args)));
        return statement.startsWith("INSERT") ? rowsInserted : 1;
    }
}
