package io.baseplane.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SeparatePlatform;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * With tracing turned on, a request joins the caller's W3C trace and its server span is exported (here to
 * memory instead of an OTLP collector), and the trace goes on through Axon: the command, and the saga that
 * handles its event on another thread. Off, the default, is checked in {@code ObservabilityTest}.
 */
@ContextConfiguration(initializers = SeparatePlatform.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(TracingTest.InMemoryExport.class)
@TestPropertySource(properties = {
        "management.tracing.export.enabled=true",
        "management.opentelemetry.tracing.sampler=parent-based-trace-id-ratio",
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=50ms"})
class TracingTest extends PlatformTestBase {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryExport {

        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    private InMemorySpanExporter spans;

    @Test
    void aRequestJoinsTheCallersTraceAndItsServerSpanIsExported() {
        String unknownTenant = UUID.randomUUID().toString();

        // Any answer is traced; a 404 keeps the test free of sagas and views.
        Api.Response read = api.as(tokens.operator())
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .get("/api/v1/tenants/" + unknownTenant);

        assertThat(read.status()).as(read.toString()).isEqualTo(404);
        eventually(() -> !serverSpansOf(TRACE_ID).isEmpty());
        SpanData span = serverSpansOf(TRACE_ID).get(0);
        assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(span.getAttributes().asMap().toString()).contains("/api/v1/tenants/{tenantId}");
    }

    @Test
    void theTraceGoesOnThroughTheCommandIntoTheSagasThatReactToItsEvents() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";

        Api.Response created = api.as(tokens.operator())
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .post("/api/v1/tenants", Map.of("name", "Traced", "plan", "FREE", "owner", "alice"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        eventually(() -> spanNamesOf(traceId).stream().anyMatch(name -> name.contains("TenantOnboardingSaga")));
        assertThat(spanNamesOf(traceId)).as("spans of the trace")
                .anyMatch(name -> name.contains("CreateTenantCommand"))
                .anyMatch(name -> name.contains("TenantOnboardingSaga"));
    }

    private List<String> spanNamesOf(String traceId) {
        return spansOf(traceId).stream().map(SpanData::getName).toList();
    }

    private List<SpanData> serverSpansOf(String traceId) {
        return spansOf(traceId).stream().filter(span -> span.getKind() == SpanKind.SERVER).toList();
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }
}
