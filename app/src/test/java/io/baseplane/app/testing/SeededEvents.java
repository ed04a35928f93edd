package io.baseplane.app.testing;

import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.MemberRoleChanged;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDescriptionChanged;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Workspace events written straight into a store by batched inserts, for tests and benchmarks that need many (a
 * processor reads them as any other): workspaces of one tenant, each created with its owner, then a member joining,
 * changing role, and descriptions changing, the workspaces' events interleaved.
 */
public final class SeededEvents {

    /** What the replay tests need at least in the shared test platform's store. */
    public static final int EVENTS = 10_000;

    private static final int PER_WORKSPACE = 10;
    private static final int ROWS_PER_BATCH = 10_000;

    private static volatile boolean seeded;

    private SeededEvents() {
    }

    /** Seeds the shared test platform's store once per run, unless it holds {@link #EVENTS} already. */
    public static synchronized void atLeast(JdbcTemplate jdbc, Serializer serializer) {
        Long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        if (seeded || stored != null && stored >= EVENTS) {
            return;
        }
        seed(jdbc, serializer, EVENTS, PER_WORKSPACE);
        seeded = true;
    }

    /** Writes {@code events} more events in workspaces of ten. */
    public static void seed(JdbcTemplate jdbc, Serializer serializer, int events) {
        seed(jdbc, serializer, events, PER_WORKSPACE);
    }

    /** Writes {@code events} more events (a multiple of {@code perWorkspace}), in batches of ten thousand. */
    public static void seed(JdbcTemplate jdbc, Serializer serializer, int events, int perWorkspace) {
        TenantId tenant = new TenantId(UUID.randomUUID());
        byte[] metaData = serializer.serialize(MetaData.from(Map.of(MetaDataKeys.USER_ID, "seeder",
                MetaDataKeys.TENANT_ID, tenant.toString())), byte[].class).getData();
        WorkspaceId[] ids = new WorkspaceId[events / perWorkspace];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = WorkspaceId.random();
        }
        List<Object[]> rows = new ArrayList<>();
        for (int sequence = 0; sequence < perWorkspace; sequence++) {
            for (WorkspaceId id : ids) {
                rows.add(row(id, sequence, event(id, tenant, sequence), serializer, metaData));
                if (rows.size() == ROWS_PER_BATCH) {
                    insert(jdbc, rows);
                    rows.clear();
                }
            }
        }
        insert(jdbc, rows);
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload_revision, payload, meta_data)
                values (?, ?, ?, 'Workspace', ?, ?, ?, ?, ?)""", rows);
    }

    private static Object event(WorkspaceId id, TenantId tenant, int sequence) {
        UserId member = UserId.of("member");
        return switch (sequence) {
            case 0 -> new WorkspaceCreated(id, tenant, "Seeded " + id.value().toString().substring(0, 8), "seeded");
            case 1 -> new MemberAdded(id, tenant, UserId.of("owner"), WorkspaceRole.OWNER);
            default -> sequence % 3 == 0 ? new MemberAdded(id, tenant, member, WorkspaceRole.EDITOR)
                    : sequence % 3 == 1 ? new MemberRoleChanged(id, tenant, member, WorkspaceRole.EDITOR,
                    WorkspaceRole.VIEWER)
                    : new WorkspaceDescriptionChanged(id, tenant, "description " + sequence);
        };
    }

    private static Object[] row(WorkspaceId id, int sequence, Object event, Serializer serializer, byte[] metaData) {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        return new Object[] {UUID.randomUUID().toString(), id.toString(), sequence, Instant.now().toString(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData};
    }
}
