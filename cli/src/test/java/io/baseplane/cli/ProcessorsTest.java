package io.baseplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessorsTest extends CliAgainstFakeApi {

    static final String WORKSPACE_VIEW = """
            {"name":"workspace-view","kind":"view","mode":"pooled","status":"running","position":93,"head":100,
             "lag":7,"segments":[{"segment":0,"node":"node-a","position":93,"error":null},
                                 {"segment":1,"node":null,"position":90,"error":null}],
             "error":null,"deadLetters":3,"pause":null}""";
    static final String ONBOARDING_SAGA = """
            {"name":"tenant-onboarding","kind":"saga","mode":"subscribing","status":"paused","position":null,
             "head":100,"lag":null,"segments":[],"error":null,"deadLetters":0,
             "pause":{"by":"alice","reason":"migrating","at":"2026-05-01T10:00:00Z"}}""";
    static final String LIST = "{\"processors\":[" + WORKSPACE_VIEW + "," + ONBOARDING_SAGA + "]}";

    @Test
    void listsProcessorsAsATableWithHeldOverTotalSegments() {
        api.answer("GET", "/api/v1/ops/processors", LIST);

        CliRun.Result result = run("processors");

        assertThat(result.exitCode()).isZero();
        assertThat(cells(result.out())).containsExactly(
                List.of("NAME", "KIND", "MODE", "STATUS", "LAG", "SEGMENTS", "DEAD-LETTERS"),
                List.of("workspace-view", "view", "pooled", "running", "7", "1/2", "3"),
                List.of("tenant-onboarding", "saga", "subscribing", "paused", "-", "0/0", "0"));
    }

    @Test
    void outputJsonPrintsTheApisAnswerIndentedWhereverTheOptionStands() throws Exception {
        api.answer("GET", "/api/v1/ops/processors", LIST);

        for (String[] args : List.of(new String[] {"--output", "json", "processors"},
                                     new String[] {"processors", "-o", "JSON"})) {
            CliRun.Result result = run(args);

            assertThat(result.exitCode()).as(Arrays.toString(args)).isZero();
            assertThat(json(result.out())).as(Arrays.toString(args)).isEqualTo(json(LIST));
            assertThat(result.out()).as(Arrays.toString(args)).contains("\n  \"processors\" : [");
        }
    }

    @Test
    void oneProcessorShowsItsPositionPauseAndSegments() {
        api.answer("GET", "/api/v1/ops/processors/workspace-view", WORKSPACE_VIEW);

        CliRun.Result result = run("processors", "workspace-view");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("position 93 of head 100");
        assertThat(cells(result.out())).contains(
                List.of("SEGMENT", "NODE", "POSITION", "ERROR"),
                List.of("0", "node-a", "93", "-"),
                List.of("1", "-", "90", "-"));
    }

    @Test
    void aProcessorNameIsEncodedIntoThePath() {
        api.answer("GET", "/api/v1/ops/processors/odd%20name", WORKSPACE_VIEW);

        CliRun.Result result = run("processors", "odd name");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.onlyRequest().path()).isEqualTo("/api/v1/ops/processors/odd%20name");
    }

    @Test
    void pauseSendsTheReasonAndShowsWhoPausedIt() {
        CliRun.Result result = actOnTenantOnboarding("pause", "migrating", ONBOARDING_SAGA);

        assertThat(api.onlyRequest().body()).isEqualTo("{\"reason\":\"migrating\"}");
        assertThat(api.onlyRequest().header("Content-Type")).isEqualTo("application/json");
        assertThat(result.out()).contains("paused by alice at 2026-05-01T10:00:00Z: migrating");
    }

    @Test
    void resumePostsToResume() {
        actOnTenantOnboarding("resume", "done", WORKSPACE_VIEW);

        assertThat(api.onlyRequest().method()).isEqualTo("POST");
        assertThat(api.onlyRequest().body()).isEqualTo("{\"reason\":\"done\"}");
    }

    /** Runs {@code processors <action> tenant-onboarding --reason R}, the API answering {@code processor}. */
    private CliRun.Result actOnTenantOnboarding(String action, String reason, String processor) {
        api.answer("POST", "/api/v1/ops/processors/tenant-onboarding/" + action, processor);
        CliRun.Result result = run("processors", action, "tenant-onboarding", "--reason", reason);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }
}
