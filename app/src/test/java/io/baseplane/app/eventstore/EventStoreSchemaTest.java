package io.baseplane.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The event store as PostgreSQL holds it: plain types, readable JSON, full metadata, snapshots, migrations. */
class EventStoreSchemaTest extends PlatformTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_SCHEMAS = "not in ('pg_catalog', 'information_schema', 'pg_toast')";

    @Autowired
    @Qualifier("aggregateCache")
    private Cache aggregateCache;

    @Test
    void noColumnAnywhereUsesLargeObjectOids() {
        List<String> informationSchema = jdbc.queryForList("select table_schema || '.' || table_name || '.' || column_name "
                + "from information_schema.columns where data_type = 'oid' and table_schema " + USER_SCHEMAS, String.class);
        List<String> attributes = jdbc.queryForList("""
                select n.nspname || '.' || c.relname || '.' || a.attname
                  from pg_attribute a
                  join pg_class c on c.oid = a.attrelid
                  join pg_namespace n on n.oid = c.relnamespace
                 where a.atttypid = 'oid'::regtype and a.attnum > 0 and not a.attisdropped
                   and c.relkind in ('r', 'p', 'v', 'm') and n.nspname\s""" + USER_SCHEMAS, String.class);
        Long largeObjects = jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class);

        assertThat(informationSchema).isEmpty();
        assertThat(attributes).isEmpty();
        assertThat(largeObjects).as("large objects written").isZero();
        // The check looks at the right place: the event store's tables are there, with bytea payloads.
        assertThat(jdbc.queryForList("select data_type from information_schema.columns where table_name = "
                + "'domain_event_entry' and column_name in ('payload', 'meta_data')", String.class))
                .containsExactly("bytea", "bytea");
    }

    @Test
    void everyEventOfAProvisionedWorkspaceCarriesWhoWhereAndWhichChainCausedIt() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Audited");
        Api.Response added = api.as(tokens.tenantAdmin(tenantId, "olivia"))
                .post("/api/v1/workspaces/" + workspaceId + "/members", Map.of("userId", "bob", "role", "EDITOR"));
        assertThat(added.status()).isEqualTo(201);

        List<JsonNode> workspace = metaDataOf(workspaceId);
        JsonNode reserved = metaDataOf(tenantId).get((int) ONBOARDED_VERSION + 1);

        assertThat(workspace).hasSize(3);
        for (JsonNode metaData : concat(workspace, reserved)) {
            assertThat(metaData.path("userId").asText()).as(metaData.toString()).isEqualTo("olivia");
            assertThat(metaData.path("tenantId").asText()).as(metaData.toString()).isEqualTo(tenantId);
            assertThat(metaData.path("correlationId").asText()).as(metaData.toString()).isNotBlank();
            assertThat(metaData.path("causationId").asText()).as(metaData.toString()).isNotBlank();
            assertThat(metaData.has("roles")).as("roles stay on commands: " + metaData).isFalse();
        }
        // The HTTP request's command began the chain; the saga's commands continued it.
        String chain = reserved.get("correlationId").asText();
        assertThat(reserved.get("causationId").asText()).isEqualTo(chain);
        assertThat(workspace.get(0).get("correlationId").asText()).isEqualTo(chain);
        assertThat(workspace.get(1).get("correlationId").asText()).isEqualTo(chain);
        // The saga's create command caused both events of the creation (the workspace and its owner), not the request.
        assertThat(workspace.get(0).get("causationId").asText()).isNotEqualTo(chain);
        assertThat(workspace.get(1).get("causationId").asText()).isEqualTo(workspace.get(0).get("causationId").asText());
        // A later, separate request begins a chain of its own.
        assertThat(workspace.get(2).get("correlationId").asText()).isNotEqualTo(chain);
        assertThat(workspace.get(2).get("causationId").asText()).isEqualTo(workspace.get(2).get("correlationId").asText());
    }

    @Test
    void anOperatorsEventsCarryTheirUserIdAndTheTenantTheyConcern() {
        String tenantId = createTenant("TEAM");

        JsonNode created = metaDataOf(tenantId).get(0);

        assertThat(created.path("userId").asText()).isEqualTo("operator");
        // An operator's token names no tenant, but the event still says which tenant it concerns.
        assertThat(created.path("tenantId").asText()).isEqualTo(tenantId);
        assertThat(created.path("correlationId").asText()).isNotBlank();
        assertThat(created.path("causationId").asText()).isNotBlank();
    }

    @Test
    void payloadsAreJsonThatSqlCanRead() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Readable – Café");

        Map<String, Object> created = jdbc.queryForMap("""
                select a.payload->>'name' as name, a.payload->>'tenantId' as tenant, a.payload_type,
                       a.payload_revision, a.aggregate_type, convert_from(e.payload, 'UTF8') as raw
                  from audit_event_log a join domain_event_entry e on e.global_index = a.global_index
                 where a.aggregate_identifier = ? and a.sequence_number = 0
                """, workspaceId);
        String role = jdbc.queryForObject("select payload->>'role' from audit_event_log "
                + "where aggregate_identifier = ? and sequence_number = 1", String.class, workspaceId);

        assertThat(created.get("name")).isEqualTo("Readable – Café");
        assertThat(created.get("tenant")).isEqualTo(tenantId);
        assertThat(created.get("payload_type")).isEqualTo("io.baseplane.kernel.workspace.WorkspaceCreated");
        assertThat(created.get("payload_revision")).isEqualTo("1");
        assertThat(created.get("aggregate_type")).isEqualTo("Workspace");
        assertThat((String) created.get("raw")).startsWith("{").contains("\"Readable – Café\"");
        assertThat(role).isEqualTo("OWNER");
    }

    @Test
    void theGlobalIndexFollowsTheOrderInWhichEventsHappened() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Ordered");
        for (int i = 0; i < 3; i++) {
            api.as(tokens.tenantAdmin(tenantId, "olivia"))
                    .post("/api/v1/workspaces/" + workspaceId + "/members", Map.of("userId", "user-" + i, "role", "VIEWER"));
        }

        List<Long> workspace = jdbc.queryForList("select global_index from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", Long.class, workspaceId);
        List<Long> tenant = jdbc.queryForList("select global_index from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", Long.class, tenantId);
        List<Long> sequences = jdbc.queryForList("select sequence_number from domain_event_entry "
                + "where aggregate_identifier = ? order by global_index", Long.class, workspaceId);

        assertThat(workspace).hasSize(5).isSorted().doesNotHaveDuplicates();
        assertThat(sequences).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(tenant).isSorted();
        // The reservation caused the creation, so it was stored first.
        assertThat(tenant.get(tenant.size() - 1)).isLessThan(workspace.get(0));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= 0", Long.class))
                .isZero();
    }

    @Test
    void aLongLivedWorkspaceIsSnapshottedAndStillTakesCommandsAfterwards() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Snapshotted");
        Api admin = api.as(tokens.tenantAdmin(tenantId, "olivia"));
        String base = "/api/v1/workspaces/" + workspaceId;
        for (int i = 1; i <= 8; i++) {
            Api.Response renamed = admin.patch(base, Map.of("name", "Snapshotted " + i));
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
            assertThat(renamed.header("ETag")).isEqualTo("\"" + (1 + i) + "\"");
        }

        eventually(() -> snapshotsOf(workspaceId) > 0);
        Long snapshotAt = jdbc.queryForObject("select max(sequence_number) from snapshot_event_entry "
                + "where aggregate_identifier = ?", Long.class, workspaceId);
        assertThat(snapshotAt).isGreaterThanOrEqualTo(4L);

        // Load it from the snapshot rather than the cache: its state must have survived.
        aggregateCache.remove(workspaceId);
        Api.Response member = admin.post(base + "/members", Map.of("userId", "bob", "role", "EDITOR"));
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        assertThat(member.header("ETag")).isEqualTo("\"10\"");

        aggregateCache.remove(workspaceId);
        assertThat(admin.post(base + "/members", Map.of("userId", "bob", "role", "VIEWER")).json()
                .get("code").asText()).isEqualTo("workspace.duplicate-member");
        aggregateCache.remove(workspaceId);
        assertThat(admin.put(base + "/members/olivia", Map.of("role", "VIEWER")).json().get("code").asText())
                .isEqualTo("workspace.last-owner");
        aggregateCache.remove(workspaceId);
        Api.Response sameName = admin.patch(base, Map.of("name", "Snapshotted 8"));
        assertThat(sameName.header("ETag")).as("renaming to its current name changes nothing").isEqualTo("\"10\"");
        aggregateCache.remove(workspaceId);
        Api.Response stale = admin.header("If-Match", "\"9\"").patch(base, Map.of("name", "Stale"));
        assertThat(stale.status()).isEqualTo(412);
        for (int i = 0; i < 3; i++) {
            aggregateCache.remove(workspaceId);
            assertThat(admin.post(base + "/members", Map.of("userId", "more-" + i, "role", "VIEWER")).status())
                    .isEqualTo(201);
        }
        aggregateCache.remove(workspaceId);
        assertThat(admin.post(base + "/members", Map.of("userId", "one-too-many", "role", "VIEWER")).json()
                .get("code").asText()).isEqualTo("workspace.member-limit");
        assertThat(events.typesOf(workspaceId)).hasSize(14);
    }

    @Test
    void everyMigrationOnTheClasspathWasAppliedSuccessfully() throws IOException {
        Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
        List<String> shipped = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql")) {
            Matcher matcher = versioned.matcher(resource.getFilename());
            if (matcher.matches()) {
                shipped.add(matcher.group(1));
            }
        }

        List<Map<String, Object>> history = jdbc.queryForList(
                "select version, script, success from flyway_schema_history where version is not null");

        assertThat(shipped).isNotEmpty().contains("1", "2", "3", "4", "5");
        assertThat(history).allSatisfy(row -> assertThat(row.get("success")).as(row.toString()).isEqualTo(true));
        assertThat(history).extracting(row -> row.get("version")).containsExactlyInAnyOrderElementsOf(shipped);
    }

    private long snapshotsOf(String aggregateId) {
        return jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private List<JsonNode> metaDataOf(String aggregateId) {
        return events.rowsOf(aggregateId).stream().map(row -> {
            try {
                return JSON.readTree((String) row.get("meta_data"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static List<JsonNode> concat(List<JsonNode> nodes, JsonNode more) {
        List<JsonNode> all = new ArrayList<>(nodes);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
