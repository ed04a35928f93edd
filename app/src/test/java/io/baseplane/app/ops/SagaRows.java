package io.baseplane.app.ops;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Saga rows written directly, as the saga journal and Axon would leave them, for tests of what operators see.
 * Each test's rows belong to tenants of its own, so sagas that other tests run meanwhile do not disturb it;
 * {@link #deleteAll()} removes them again (the journal entries stay, as in production).
 */
final class SagaRows {

    /** A saga class no processor knows: Axon never loads these rows as a saga. */
    static final String FAKE_SAGA_CLASS = "io.baseplane.test.ops.FakeSaga";

    private final JdbcTemplate jdbc;
    private final List<String> sagaIds = new ArrayList<>();
    private final List<String> deadlineIds = new ArrayList<>();

    SagaRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Saga saga(String tenantId) {
        return new Saga(tenantId);
    }

    /** A journal entry; a null saga id is an entry from before the journal recorded saga ids. */
    void journal(String sagaId, String type, String key, String tenantId, String step, String transition,
                 String detail, Instant at) {
        jdbc.update("insert into saga_journal (saga_id, saga_type, saga_key, tenant_id, step, transition, detail, "
                        + "recorded_at) values (?, ?, ?, ?::uuid, ?, ?, ?, ?)",
                sagaId, type, key, tenantId, step, transition, detail, Timestamp.from(at));
    }

    /** Axon's saga store entry (state as JSON) and association values of a saga. */
    void sagaEntry(String sagaId, String stateJson, String... associationKeysAndValues) {
        jdbc.update("insert into saga_entry (saga_id, revision, saga_type, serialized_saga) values (?, null, ?, ?)",
                sagaId, FAKE_SAGA_CLASS, stateJson.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < associationKeysAndValues.length; i += 2) {
            jdbc.update("insert into association_value_entry (association_key, association_value, saga_type, saga_id) "
                    + "values (?, ?, ?, ?)", associationKeysAndValues[i], associationKeysAndValues[i + 1],
                    FAKE_SAGA_CLASS, sagaId);
        }
    }

    /**
     * A deadline of the saga as Axon's DbSchedulerDeadlineManager writes it (human-readable task data), due far
     * enough ahead that no scheduler executes it during the test.
     */
    String deadline(String sagaId, String name, Instant dueAt) {
        String deadlineId = UUID.randomUUID().toString();
        String scope = "{\\\"type\\\":\\\"FakeSaga\\\",\\\"identifier\\\":\\\"" + sagaId + "\\\"}";
        String data = "{\"deadlineName\":\"" + name + "\",\"scopeDescriptor\":\"" + scope + "\","
                + "\"scopeDescriptorClass\":\"org.axonframework.modelling.saga.SagaScopeDescriptor\","
                + "\"payload\":null,\"payloadClass\":null,\"payloadRevision\":null,\"metaData\":\"{}\"}";
        jdbc.update("insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version) "
                + "values ('AxonDeadline', ?, ?, ?, false, 1)", deadlineId, data.getBytes(StandardCharsets.UTF_8),
                Timestamp.from(dueAt));
        deadlineIds.add(deadlineId);
        return deadlineId;
    }

    void deleteAll() {
        for (String deadlineId : deadlineIds) {
            jdbc.update("delete from scheduled_tasks where task_name = 'AxonDeadline' and task_instance = ?", deadlineId);
        }
        for (String sagaId : sagaIds) {
            jdbc.update("delete from association_value_entry where saga_id = ?", sagaId);
            jdbc.update("delete from saga_entry where saga_id = ?", sagaId);
            jdbc.update("delete from saga_instance where saga_id = ?", sagaId);
        }
    }

    /** A saga_instance row; by default a RUNNING WorkflowExecution that just made progress. */
    final class Saga {

        private final String tenantId;
        private String sagaId = UUID.randomUUID().toString();
        private String type = "WorkflowExecution";
        private String key = UUID.randomUUID().toString();
        private String status = "RUNNING";
        private String step = "call";
        private int attempts;
        private String error;
        private Instant startedAt = Instant.now().minusSeconds(5);
        private Instant lastProgressAt = Instant.now();
        private Instant endedAt;

        private Saga(String tenantId) {
            this.tenantId = tenantId;
        }

        Saga id(String value) {
            sagaId = value;
            return this;
        }

        Saga type(String value) {
            type = value;
            return this;
        }

        Saga key(String value) {
            key = value;
            return this;
        }

        Saga status(String value) {
            status = value;
            return this;
        }

        Saga step(String value) {
            step = value;
            return this;
        }

        Saga attempts(int value) {
            attempts = value;
            return this;
        }

        Saga error(String value) {
            error = value;
            return this;
        }

        Saga startedAt(Instant value) {
            startedAt = value;
            return this;
        }

        Saga lastProgressAt(Instant value) {
            lastProgressAt = value;
            return this;
        }

        /** Ended at that time; the status should be a final one. */
        Saga endedAt(Instant value) {
            endedAt = value;
            return this;
        }

        String insert() {
            jdbc.update("insert into saga_instance (saga_id, saga_type, saga_key, tenant_id, status, current_step, "
                            + "attempts, last_error, started_at, last_progress_at, ended_at) "
                            + "values (?, ?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?)",
                    sagaId, type, key, tenantId, status, step, attempts, error, Timestamp.from(startedAt),
                    Timestamp.from(lastProgressAt), endedAt == null ? null : Timestamp.from(endedAt));
            sagaIds.add(sagaId);
            return sagaId;
        }
    }
}
