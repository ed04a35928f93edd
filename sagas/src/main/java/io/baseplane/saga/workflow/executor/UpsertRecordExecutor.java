package io.baseplane.saga.workflow.executor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.saga.common.Savepoints;
import io.baseplane.saga.workflow.StepContext;
import io.baseplane.saga.workflow.StepExecutor;
import io.baseplane.saga.workflow.StepOutcome;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * UPSERT_RECORD: writes the JSON object {@code record} as the fields of record {@code key} in {@code table}
 * of the run's workspace ({@code workflow_record}). Without {@code key} the run id is the key, so each run
 * writes its own record and a compensation without a key addresses the record its step wrote. With
 * {@code delete} = {@code true} the record is removed instead (no {@code record} needed) — the usual
 * compensation. Both are idempotent: a repeated execution leaves the same state.
 *
 * <p>The write joins the saga's transaction (in a savepoint, so a refused statement does not abort it).
 */
@Component
public class UpsertRecordExecutor implements StepExecutor {

    static final int MAX_TABLE = 100;
    static final int MAX_KEY = 200;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPSERT = """
            INSERT INTO workflow_record (workspace_id, tenant_id, table_name, record_key, fields, updated_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (workspace_id, table_name, record_key)
            DO UPDATE SET fields = EXCLUDED.fields, updated_at = EXCLUDED.updated_at
            """;
    private static final int[] UPSERT_TYPES =
            {Types.OTHER, Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;

    public UpsertRecordExecutor(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.savepoint = Savepoints.template(transactionManager);
    }

    @Override
    public StepType type() {
        return StepType.UPSERT_RECORD;
    }

    @Override
    public StepOutcome execute(StepContext context) {
        Map<String, String> parameters = context.parameters();
        String table = parameters.getOrDefault("table", "").strip();
        String key = parameters.getOrDefault("key", context.runId().toString()).strip();
        if (table.isEmpty() || table.length() > MAX_TABLE) {
            return StepOutcome.failed("table must be 1-" + MAX_TABLE + " characters");
        }
        if (key.isEmpty() || key.length() > MAX_KEY) {
            return StepOutcome.failed("key must be 1-" + MAX_KEY + " characters");
        }
        if ("true".equals(parameters.get("delete"))) {
            int deleted = savepoint.execute(status -> jdbc.update(
                    "DELETE FROM workflow_record WHERE workspace_id = ? AND table_name = ? AND record_key = ?",
                    context.workspaceId().value(), table, key));
            return StepOutcome.succeeded(Map.of("table", table, "key", key, "deleted", Integer.toString(deleted)));
        }
        JsonNode record;
        try {
            record = JSON.readTree(parameters.getOrDefault("record", ""));
        } catch (JsonProcessingException e) {
            return StepOutcome.failed("record is not JSON");
        }
        if (record == null || !record.isObject()) {
            return StepOutcome.failed("record must be a JSON object");
        }
        Object[] row = {context.workspaceId().value(), context.tenantId().value(), table, key, record.toString(),
                OffsetDateTime.now(ZoneOffset.UTC)};
        savepoint.executeWithoutResult(status -> jdbc.update(UPSERT, row, UPSERT_TYPES));
        return StepOutcome.succeeded(Map.of("table", table, "key", key));
    }
}
