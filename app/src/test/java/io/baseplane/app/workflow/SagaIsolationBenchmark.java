package io.baseplane.app.workflow;

import static io.baseplane.app.workflow.WorkflowDefinitions.manual;
import static io.baseplane.app.workflow.WorkflowDefinitions.step;
import static io.baseplane.app.workflow.WorkflowDefinitions.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The design's saga bar (section 8): a quick step's p99 is not raised by other tenants' slow steps. Tenant B runs
 * one-step NOTIFY workflows one after the other, first alone (the baseline), then while tenant A keeps
 * {@code bench.slowRuns} runs waiting on a target that answers after {@code bench.slowSeconds}. A run's latency is
 * measured in the event store (its WorkflowRunCompleted's time minus its WorkflowRunRequested's), so the client's
 * polling adds nothing. Reports p50 and p99 of both and their ratio, in {@code target/saga-isolation.md}.
 *
 * <p>Part of the benchmark suite; alone: {@code ./mvnw -B -Pbenchmarks -pl app -am verify -Dbench.tests=SagaIsolationBenchmark}
 */
@Tag("benchmark")
class SagaIsolationBenchmark extends WorkspaceWorkflowTestBase {

    private static final int QUICK_RUNS = Integer.getInteger("bench.quickRuns", 200);
    private static final int WARMUP_RUNS = Integer.getInteger("bench.warmupRuns", 100);
    private static final int SLOW_RUNS = Integer.getInteger("bench.slowRuns", 12);
    private static final Duration SLOW = Duration.ofSeconds(Integer.getInteger("bench.slowSeconds", 20));

    private final LocalEndpoint endpoint = new LocalEndpoint();

    @AfterEach
    void stopTheEndpoint() {
        endpoint.close();
    }

    @Test
    void aQuickStepsP99WhileAnotherTenantsStepsWaitOnASlowTarget() throws IOException {
        endpoint.slowFor(SLOW);
        String tenantB = createTenant("TEAM");
        String workspaceB = provisionWorkspace(tenantB, "bea", "Quick");
        Api bea = api.as(tokens.tenantAdmin(tenantB, "bea"));
        String quick = bea.post("/api/v1/workspaces/" + workspaceB + "/workflows", workflow("Quick", manual(),
                List.of(step("tell", "NOTIFY", Map.of("recipient", "bea@example.com", "message", "done")))))
                .json().get("id").asText();

        quickRuns(bea, quick, WARMUP_RUNS); // the JIT compiles the path first
        List<Long> alone = quickRuns(bea, quick, QUICK_RUNS);

        String slow = defineAndEnabled(workflow("Slow", manual(), List.of(
                step("wait", "HTTP_CALL", Map.of("url", endpoint.url("/slow/a"))))));
        for (int i = 0; i < SLOW_RUNS; i++) {
            requestRun(slow);
        }
        eventually(() -> endpoint.requestsTo("/slow/a") >= Math.min(SLOW_RUNS, 4));
        List<Long> besideSlowOnes = quickRuns(bea, quick, QUICK_RUNS);
        assertThat(endpoint.requestsTo("/slow/a")).as("the slow calls were still waiting").isPositive();

        double ratio = (double) percentile(besideSlowOnes, 99) / Math.max(1, percentile(alone, 99));
        String report = String.format(Locale.ROOT, """
                # Saga isolation (bar: a quick step's p99 is not raised by other tenants' slow steps)

                %d one-step NOTIFY runs of tenant B, one after the other, after %d to warm up; latency = \
                WorkflowRunCompleted − WorkflowRunRequested in the event store.

                | | p50 ms | p99 ms |
                |---|---|---|
                | alone (baseline) | %d | %d |
                | while tenant A has %d runs waiting %d s on their target | %d | %d |

                p99 ratio (beside slow ones / alone): %.2f
                """, QUICK_RUNS, WARMUP_RUNS, percentile(alone, 50), percentile(alone, 99), SLOW_RUNS, SLOW.toSeconds(),
                percentile(besideSlowOnes, 50), percentile(besideSlowOnes, 99), ratio);
        Path file = Path.of("target", "saga-isolation.md");
        Files.writeString(file, report);
        System.out.println(report);
    }

    /** Runs the quick workflow {@code runs} times, each after the previous completed; their latencies in ms. */
    private List<Long> quickRuns(Api bea, String workflowId, int runs) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String runId = bea.post("/api/v1/workflows/" + workflowId + "/runs", null).json().get("id").asText();
            eventually(() -> events.typesOf(runId).contains("WorkflowRunCompleted"));
            latencies.add(jdbc.queryForObject("""
                    select extract(epoch from
                             (select occurred_at from audit_event_log
                               where aggregate_identifier = ? and payload_type like '%.WorkflowRunCompleted')
                           - (select occurred_at from audit_event_log
                               where aggregate_identifier = ? and payload_type like '%.WorkflowRunRequested'
                                 and payload ->> 'runId' = ?)) * 1000""",
                    Double.class, runId, workflowId, runId).longValue());
        }
        return latencies;
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
