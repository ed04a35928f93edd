package io.baseplane.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/** Shared set-up of the HTTP integration tests: a client, token minting, the event log, a fresh tenant. */
@PlatformTest
public abstract class PlatformTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private JwtEncoder jwtEncoder;

    protected Api api;
    protected Tokens tokens;
    protected EventLog events;

    @BeforeEach
    void setUpPlatformClient() {
        api = Api.at(port);
        tokens = new Tokens(jwtEncoder);
        events = new EventLog(jdbc);
    }

    /** The events of a tenant {@link #createTenant} returns, followed by those a test expects next. */
    protected static String[] onboardedThen(String... next) {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("TenantCreated", "WorkspaceSlotReserved", "TenantOnboardingCompleted"),
                        java.util.stream.Stream.of(next))
                .toArray(String[]::new);
    }

    /** The workspace "General" the tenant's onboarding made, as its completion recorded it. */
    protected String defaultWorkspaceOf(String tenantId) {
        return jdbc.queryForObject("select payload::jsonb ->> 'defaultWorkspaceId' from audit_event_log "
                + "where aggregate_identifier = ? and payload_type like '%.TenantOnboardingCompleted'",
                String.class, tenantId);
    }

    /** The version of a tenant {@link #createTenant} returns. */
    protected static final long ONBOARDED_VERSION = 2;

    /**
     * Creates a tenant as an operator, owned by "owner", waits until its onboarding (default workspace
     * "General", welcome, ACTIVE) is done, and returns its id. Waiting keeps the tenant's later events in
     * the order a test sends them.
     */
    protected String createTenant(String plan) {
        String tenantId = UUID.randomUUID().toString();
        Api.Response created = api.as(tokens.operator()).post("/api/v1/tenants",
                Map.of("id", tenantId, "name", "Tenant " + tenantId.substring(0, 8), "plan", plan, "owner", "owner"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        eventually(() -> events.typesOf(tenantId).contains("TenantOnboardingCompleted"));
        return tenantId;
    }

    /** Provisions a workspace through the saga and waits until its owner is in. */
    protected String provisionWorkspace(String tenantId, String owner, String name) {
        String workspaceId = UUID.randomUUID().toString();
        Api.Response accepted = api.as(tokens.tenantAdmin(tenantId, owner)).post(
                "/api/v1/tenants/" + tenantId + "/workspaces",
                Map.of("id", workspaceId, "name", name, "description", "for tests"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        eventually(() -> events.typesOf(workspaceId).contains("MemberAdded"));
        return workspaceId;
    }

    protected static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
