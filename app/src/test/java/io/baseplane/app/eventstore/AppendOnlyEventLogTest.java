package io.baseplane.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baseplane.app.testing.PlatformTestBase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;

/**
 * Stored events are never changed: the database refuses an UPDATE, DELETE or TRUNCATE of {@code domain_event_entry}
 * to every role, the platform's own included, and a role that does not own the table cannot switch that off.
 */
class AppendOnlyEventLogTest extends PlatformTestBase {

    @Autowired
    private Environment environment;

    @Test
    void aStoredEventCannotBeChangedDeletedOrTruncatedAway() {
        String tenantId = createTenant("FREE");
        long index = jdbc.queryForObject("select min(global_index) from domain_event_entry"
                + " where aggregate_identifier = ?", Long.class, tenantId);
        byte[] payload = payloadOf(index);

        assertRefused(() -> jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                "{}".getBytes(), index), "UPDATE");
        assertRefused(() -> jdbc.update("delete from domain_event_entry where global_index = ?", index), "DELETE");
        assertRefused(() -> jdbc.execute("truncate domain_event_entry"), "TRUNCATE");

        assertThat(payloadOf(index)).as("the event as it was stored").isEqualTo(payload);
        assertThat(events.typesOf(tenantId)).contains("TenantCreated");
    }

    @Test
    void aRuntimeRoleThatDoesNotOwnTheTableCannotSwitchTheGuardOff() throws SQLException {
        createTenant("FREE");
        String role = "runtime_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.execute("create role " + role + " login");
        try {
            // Every privilege a careless grant could give, and still no way to rewrite the log.
            jdbc.execute("grant select, insert, update, delete, truncate on domain_event_entry to " + role);
            try (Connection connection = DriverManager.getConnection(
                    environment.getRequiredProperty("spring.datasource.url"), role, "");
                 Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("select count(*) from domain_event_entry")) {
                    rows.next();
                    assertThat(rows.getLong(1)).as("events the role could delete").isPositive();
                }
                assertThatThrownBy(() -> statement.executeUpdate("delete from domain_event_entry"
                        + " where global_index = (select min(global_index) from domain_event_entry)"))
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> statement.execute(
                        "alter table domain_event_entry disable trigger domain_event_entry_append_only"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        } finally {
            jdbc.execute("drop owned by " + role);
            jdbc.execute("drop role " + role);
        }
    }

    private byte[] payloadOf(long index) {
        return jdbc.queryForObject("select payload from domain_event_entry where global_index = ?", byte[].class,
                index);
    }

    private static void assertRefused(Runnable change, String operation) {
        assertThatThrownBy(change::run).isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("the event log is append-only: " + operation + " on domain_event_entry");
    }
}
