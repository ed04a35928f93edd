package io.baseplane.app.ops.replay;

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
 * A store of at least {@link #EVENTS} events for the replay tests, written once per test run by batched inserts (a
 * replay reads them as any other): workspaces of one tenant with members joining and leaving roles and descriptions
 * changing, in aggregates of {@link #PER_WORKSPACE} interleaved events.
 */
final class SeededEvents {

    static final int EVENTS = 10_000;
    static final int PER_WORKSPACE = 10;

    private static volatile boolean seeded;

    private SeededEvents() {
    }

    static synchronized void atLeast(JdbcTemplate jdbc, Serializer serializer) {
        Long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        if (seeded || stored != null && stored >= EVENTS) {
            return;
        }
        TenantId tenant = new TenantId(UUID.randomUUID());
        byte[] metaData = serializer.serialize(MetaData.from(Map.of(MetaDataKeys.USER_ID, "seeder",
                MetaDataKeys.TENANT_ID, tenant.toString())), byte[].class).getData();
        int workspaces = EVENTS / PER_WORKSPACE;
        WorkspaceId[] ids = new WorkspaceId[workspaces];
        for (int i = 0; i < workspaces; i++) {
            ids[i] = WorkspaceId.random();
        }
        List<Object[]> rows = new ArrayList<>();
        for (int sequence = 0; sequence < PER_WORKSPACE; sequence++) {
            for (WorkspaceId id : ids) {
                rows.add(row(id, sequence, event(id, tenant, sequence), serializer, metaData));
            }
        }
        jdbc.batchUpdate("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload_revision, payload, meta_data)
                values (?, ?, ?, 'Workspace', ?, ?, ?, ?, ?)""", rows);
        seeded = true;
    }

    private static Object event(WorkspaceId id, TenantId tenant, int sequence) {
        UserId member = UserId.of("member");
        return switch (sequence) {
            case 0 -> new WorkspaceCreated(id, tenant, "Seeded " + id.value().toString().substring(0, 8), "seeded");
            case 1 -> new MemberAdded(id, tenant, UserId.of("owner"), WorkspaceRole.OWNER);
            default -> sequence % 3 == 0 ? new MemberAdded(id, tenant, member, WorkspaceRole.EDITOR)
                    : sequence % 3 == 1 ? new MemberRoleChanged(id, tenant, member, WorkspaceRole.EDITOR, WorkspaceRole.VIEWER)
                    : new WorkspaceDescriptionChanged(id, tenant, "description " + sequence);
        };
    }

    private static Object[] row(WorkspaceId id, int sequence, Object event, Serializer serializer, byte[] metaData) {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        return new Object[] {UUID.randomUUID().toString(), id.toString(), sequence, Instant.now().toString(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData};
    }
}
