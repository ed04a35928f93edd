package io.baseplane.cli;

import static io.baseplane.cli.ReplayWatchTest.REPLAY_PATH;
import static io.baseplane.cli.ReplayWatchTest.replay;
import static io.baseplane.cli.ReplayWatchTest.running;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplaysTest extends CliAgainstFakeApi {

    @Test
    void startSendsProcessorStartPointModeReasonAndAutoSwitch() throws Exception {
        api.answerAccepted("POST", "/api/v1/ops/replays", REPLAY_PATH, running(0));

        CliRun.Result result = run("replay", "start", "workspace-view",
                "--from", "2026-12-01T00:00:00Z", "--blue-green", "--auto-switch", "--reason", "schema change");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(requestJson()).isEqualTo(json("""
                {"processor":"workspace-view","from":"2026-12-01T00:00:00Z","mode":"blue-green",
                 "reason":"schema change","autoSwitch":true}"""));
        assertThat(result.out()).contains("replay r-1: workspace-view blue-green from beginning, RUNNING")
                .contains("follow it: baseplane replay status r-1 --watch");
    }

    @Test
    void startReplaysInPlaceFromTheBeginningUnlessTold() throws Exception {
        api.answerAccepted("POST", "/api/v1/ops/replays", REPLAY_PATH, running(0));

        CliRun.Result result = run("replay", "start", "workspace-view", "--reason", "r");

        assertThat(result.exitCode()).isZero();
        assertThat(requestJson()).isEqualTo(json("""
                {"processor":"workspace-view","from":"beginning","mode":"in-place","reason":"r",
                 "autoSwitch":false}"""));
    }

    @Test
    void aGlobalIndexIsSentAsANumber() throws Exception {
        api.answerAccepted("POST", "/api/v1/ops/replays", REPLAY_PATH, running(0));

        CliRun.Result result = run("replay", "start", "v", "--from", "4200", "--reason", "r");

        assertThat(result.exitCode()).isZero();
        assertThat(requestJson().get("from").isIntegralNumber()).isTrue();
        assertThat(requestJson().get("from").asLong()).isEqualTo(4200);
    }

    @Test
    void anUnreadableStartPointOrBothModesAreUsageErrors() {
        CliRun.Result badFrom = run("replay", "start", "v", "--from", "yesterday", "--reason", "r");
        CliRun.Result bothModes = run("replay", "start", "v", "--blue-green", "--in-place", "--reason", "r");

        assertThat(badFrom.exitCode()).isEqualTo(2);
        assertThat(badFrom.err()).contains("'yesterday' is neither 'beginning', a global index nor a timestamp");
        assertThat(bothModes.exitCode()).isEqualTo(2);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void statusShowsTheReplayInFull() {
        api.answer("GET", REPLAY_PATH, replay("FAILED", 4000, 0, null, "projection threw: boom", "null"));

        CliRun.Result result = run("replay", "status", "r-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("status     FAILED")
                .contains("started    2026-05-01T10:00:00Z by alice: schema change")
                .contains("failure    projection threw: boom");
    }

    @Test
    void listShowsTheReplaysAsATable() {
        api.answer("GET", "/api/v1/ops/replays", "{\"replays\":[" + running(6300) + "]}");

        CliRun.Result result = run("replay", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(cells(result.out())).containsExactly(
                List.of("ID", "PROCESSOR", "MODE", "STATUS", "PROGRESS", "STARTED-AT", "STARTED-BY"),
                List.of("r-1", "workspace-view", "blue-green", "RUNNING", "63%", "2026-05-01T10:00:00Z", "alice"));
    }

    @Test
    void cancelSendsTheReasonAsAQueryParameter() {
        api.answer("DELETE", REPLAY_PATH, replay("CANCELLED", 10, 0, null, null, "null"));

        CliRun.Result result = run("replay", "cancel", "r-1", "--reason", "wrong processor");

        assertThat(result.exitCode()).isZero();
        assertThat(api.onlyRequest().query()).isEqualTo("reason=wrong processor");
        assertThat(result.out()).contains("CANCELLED");
    }

    @Test
    void diffShowsCountsPerTableAndTheSampleRows() {
        api.answer("GET", REPLAY_PATH + "/diff", """
                {"replayId":"r-1","empty":false,"tables":[{"table":"workspace_view","onlyInLive":1,"onlyInShadow":0,
                 "different":2,"samples":[{"kind":"different","aggregateId":"ws-7","key":{"id":"ws-7"},
                 "live":{"name":"Design"},"shadow":{"name":"Design Ops"}}]}]}""");

        CliRun.Result result = run("replay", "diff", "r-1");

        assertThat(result.exitCode()).isZero();
        assertThat(cells(result.out())).startsWith(
                List.of("TABLE", "ONLY-IN-LIVE", "ONLY-IN-SHADOW", "DIFFERENT"),
                List.of("workspace_view", "1", "0", "2"),
                List.of("workspace_view", "different", "aggregate ws-7", "key {\"id\":\"ws-7\"}"));
        assertThat(result.out()).contains("  live:   {\"name\":\"Design\"}\n  shadow: {\"name\":\"Design Ops\"}");
    }

    @Test
    void anEmptyDiffSaysSo() {
        api.answer("GET", REPLAY_PATH + "/diff", "{\"replayId\":\"r-1\",\"empty\":true,\"tables\":[]}");

        CliRun.Result result = run("replay", "diff", "r-1");

        assertThat(result.out()).isEqualTo("no differences: the shadow tables match the live ones\n");
    }

    @Test
    void switchPostsTheReason() {
        api.answer("POST", REPLAY_PATH + "/switch", replay("SWITCHED", 10000, 0, null, null, "null"));

        CliRun.Result result = run("replay", "switch", "r-1", "--reason", "verified");

        assertThat(result.exitCode()).isZero();
        assertThat(api.onlyRequest().body()).isEqualTo("{\"reason\":\"verified\"}");
        assertThat(result.out()).isEqualTo("replay r-1: workspace-view blue-green from beginning, SWITCHED\n");
    }

    @Test
    void dropPreviousDeletesTheReplacedTablesSayingWhy() {
        api.answerNoContent("DELETE", REPLAY_PATH + "/previous");

        CliRun.Result result = run("replay", "drop-previous", "r-1", "--reason", "switch held");

        assertThat(result.exitCode()).isZero();
        assertThat(api.onlyRequest().method()).isEqualTo("DELETE");
        assertThat(api.onlyRequest().query()).isEqualTo("reason=switch held");
        assertThat(result.out()).isEqualTo("dropped the tables replay r-1 replaced\n");
    }
}
