package io.baseplane.app.observability;

import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.HeldProcessor;
import io.baseplane.app.testing.PlatformTestBase;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

/**
 * What operators see: Prometheus metrics (operators only) with processor lag, live sagas and Axon's
 * dimensional message metrics; readiness that names each event processor and goes DOWN when one stops; and
 * log lines of a request's whole chain carrying its correlation id, tenant and user.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends PlatformTestBase {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private ApplicationContext context;

    @Test
    void tracingIsOffUnlessTurnedOn() {
        Tracer tracer = context.getBean(Tracer.class);
        TraceContext callersSampledTrace = tracer.traceContextBuilder().traceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .spanId("00f067aa0ba902b7").sampled(true).build();
        Span root = tracer.nextSpan().start();
        Span child = tracer.spanBuilder().setParent(callersSampledTrace).start();
        try {
            assertThat(root.isNoop()).as("a new trace is not recorded").isTrue();
            assertThat(child.isNoop()).as("nor is a caller's sampled trace").isTrue();
        } finally {
            root.end();
            child.end();
        }
        assertThat(context.getBeanNamesForType(SpanExporter.class)).isEmpty();
        assertThat(context.getBean(SpanFactory.class)).as("Axon's messages make no spans")
                .isInstanceOf(NoOpSpanFactory.class);
    }

    @Test
    void prometheusAnswersOperatorsWithProcessorLagSagasAndMessageMetrics() {
        String tenantId = createTenant("TEAM");
        provisionWorkspace(tenantId, "olivia", "Metrics");

        assertProblem(api.get("/actuator/prometheus"), 401);
        assertProblem(api.as(tokens.tenantAdmin(tenantId, "olivia")).get("/actuator/prometheus"), 403);
        Api.Response scraped = api.as(tokens.operator()).get("/actuator/prometheus");

        assertThat(scraped.status()).as(scraped.toString()).isEqualTo(200);
        assertThat(scraped.body())
                .contains("baseplane_eventstore_head ")
                .contains("baseplane_processor_lag_events{processor=\"workspace-view\"}")
                .contains("baseplane_processor_segment_lag_events{processor=\"workspace-view\",segment=\"1\"}")
                .contains("baseplane_processor_running{processor=\"TenantOnboardingSagaProcessor\"} 1.0")
                .contains("baseplane_sagas_live{saga=\"WorkspaceProvisioning\"}")
                .contains("http_server_requests_seconds_count")
                .contains("commandBus_successCounter_total{payloadType=\"CreateTenantCommand\"}")
                .contains("commandBus_allTimer_seconds_count{payloadType=\"ReserveWorkspaceSlotCommand\"}")
                .contains("eventProcessor_latency{");
    }

    @Test
    void readinessNamesEveryProcessorAndIsDownWhileOneIsStopped() {
        Api operator = api.as(tokens.operator());
        JsonNode ready = operator.get("/actuator/health/readiness").json();
        assertThat(ready.get("status").asText()).isEqualTo("UP");
        assertThat(ready.get("components").get("eventProcessors").get("status").asText()).isEqualTo("UP");

        try (HeldProcessor held = HeldProcessor.hold(processing, "WorkspaceProvisioningSagaProcessor")) {
            Api.Response notReady = operator.get("/actuator/health/readiness");
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.json().get("components").get("eventProcessors").get("status").asText()).isEqualTo("DOWN");
            Api.Response probe = api.get("/actuator/health/readiness");
            assertThat(probe.status()).as("a probe without a token sees the status").isEqualTo(503);
            assertThat(probe.json().has("components")).as("but not which component").isFalse();
            assertThat(api.get("/actuator/health/liveness").status()).as("alive all the same").isEqualTo(200);
        }
        eventually(() -> api.get("/actuator/health/readiness").status() == 200);
    }

    @Test
    void aClientsRefusedRequestLeavesNoStackTraceInTheLog(CapturedOutput output) {
        // Both reach an aggregate: a blank name is its refusal, an unknown tenant fails its load.
        Api.Response refused = api.as(tokens.operator()).post("/api/v1/tenants", Map.of("name", "   ", "plan", "FREE"));
        Api.Response unknown = api.as(tokens.operator()).post("/api/v1/tenants/" + UUID.randomUUID() + "/plan",
                Map.of("plan", "TEAM"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(output.getOut()).doesNotContain("Exception occurred while trying to")
                .doesNotContain("InvalidValueException").doesNotContain("AggregateNotFoundException");
    }

    @Test
    void everyLogLineOfARequestsChainNamesItsCorrelationTenantAndUser(CapturedOutput output) {
        String tenantId = createTenant("FREE");
        String workspaceId = UUID.randomUUID().toString();
        // A provisioning the saga must roll back logs from the saga's thread, far from the request.
        Api.Response accepted;
        try (HeldProcessor held = HeldProcessor.hold(processing, "WorkspaceProvisioningSagaProcessor")) {
            accepted = api.as(tokens.tenantAdmin(tenantId, "alice")).post(
                    "/api/v1/tenants/" + tenantId + "/workspaces", Map.of("id", workspaceId, "name", "Logged"));
            assertThat(api.as(tokens.operator()).post("/api/v1/tenants/" + tenantId + "/suspend",
                    Map.of("reason", "log test")).status()).isEqualTo(200);
        }
        String correlationId = accepted.header("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        eventually(() -> output.getOut().contains("Provisioning of workspace " + workspaceId));

        String sagaLine = output.getOut().lines().filter(line -> line.contains("Provisioning of workspace " + workspaceId))
                .findFirst().orElseThrow();
        assertThat(sagaLine).contains("[" + correlationId + " " + tenantId + " alice]");
        assertThat(events.rowsOf(tenantId).stream()
                .filter(row -> row.get("payload").toString().contains(workspaceId))
                .map(row -> row.get("meta_data").toString()))
                .as("the chain's events carry the request's correlation id")
                .allSatisfy(metaData -> assertThat(metaData).contains(correlationId));
    }
}
