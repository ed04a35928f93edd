package io.baseplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayWatchTest extends CliAgainstFakeApi {

    static final String REPLAY_PATH = "/api/v1/ops/replays/r-1";

    /** A blue-green replay of workspace-view, 10000 events to go. */
    static String replay(String status, long done, double rate, Long eta, String failure, String diff) {
        return """
                {"id":"r-1","processor":"workspace-view","mode":"blue-green","from":"beginning","status":"%s",
                 "eventsDone":%d,"eventsTotal":10000,"eventsPerSecond":%s,"etaSeconds":%s,"startedBy":"alice",
                 "reason":"schema change","startedAt":"2026-05-01T10:00:00Z","finishedAt":null,
                 "failure":%s,"autoSwitch":false,"diff":%s}"""
                .formatted(status, done, rate, eta, failure == null ? "null" : "\"" + failure + "\"", diff);
    }

    static String running(long done) {
        return replay("RUNNING", done, 2100.0, 2L, null, "null");
    }

    @Test
    void startWithWatchFollowsTheReplayUntilReadyAndExits0() {
        api.answerAccepted("POST", "/api/v1/ops/replays", REPLAY_PATH, running(0))
                .answer("GET", REPLAY_PATH, running(6300), replay("CATCHING_UP", 9500, 2500.0, 0L, null, "null"),
                        replay("READY", 10000, 0, null, null, "{\"empty\":true,\"rows\":0}"));

        CliRun.Result result = run("replay", "start", "workspace-view", "--blue-green",
                "--reason", "schema change", "--watch", "--interval", "10ms");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "[....................]    0%  0/10000 events  2100 ev/s  ETA 2s  RUNNING",
                "[############........]   63%  6300/10000 events  2100 ev/s  ETA 2s  RUNNING",
                "[###################.]   95%  9500/10000 events  2500 ev/s  ETA 0s  CATCHING_UP",
                "[####################]  100%  10000/10000 events  0 ev/s  ETA -  READY",
                "diff: the shadow tables match the live ones",
                "switch to it: baseplane replay switch r-1 --reason <why>");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aWatchKeepsAskingWhileThePlatformDoesNotAnswerAndSaysSoOnce() {
        api.answer("GET", REPLAY_PATH, running(100))
                .answerProblem("GET", REPLAY_PATH, 503, UNAVAILABLE)
                .answerProblem("GET", REPLAY_PATH, 503, UNAVAILABLE)
                .answer("GET", REPLAY_PATH, replay("READY", 10000, 0, null, null, "{\"empty\":true,\"rows\":0}"));

        CliRun.Result result = run("replay", "status", "r-1", "--watch", "--interval", "10ms");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("READY");
        assertThat(result.err().lines()).singleElement().asString().startsWith("warning: ")
                .contains("the database is out of reach").endsWith("still watching for 60 s");
    }

    @Test
    void aWatchGivesUpWhenThePlatformStaysAwayLongerThanItsPatience() {
        api.answer("GET", REPLAY_PATH, running(100)).answerProblem("GET", REPLAY_PATH, 503, UNAVAILABLE);

        CliRun.Result result = run("replay", "status", "r-1", "--watch", "--interval", "10ms", "--patience", "100ms");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines()).hasSize(2);
        assertThat(result.err().lines().toList().get(1)).startsWith("error: ").contains("the database is out of reach");
    }

    private static final String UNAVAILABLE = """
            {"type":"https://baseplane.io/problems/database-unavailable","title":"Service Unavailable","status":503,
             "detail":"the database is out of reach"}""";

    @ParameterizedTest
    @ValueSource(strings = {"FAILED", "CANCELLED"})
    void watchExits1WithTheFailureWhenTheReplayEndsWithout(String status) {
        api.answer("GET", REPLAY_PATH, running(100), replay(status, 4000, 0, null, "projection threw: boom", "null"));

        CliRun.Result result = run("replay", "status", "r-1", "--watch", "--interval", "10ms");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: replay r-1 " + status + " — projection threw: boom\n");
        assertThat(result.out()).contains(status);
    }

    @Test
    void offATerminalALineIsPrintedPerStatusChangeOrTenPercentNotPerPoll() {
        api.answer("GET", REPLAY_PATH, running(100), running(200), running(1500), running(1600), running(1900),
                replay("READY", 10000, 0, null, null, "null"));

        CliRun.Result result = run("replay", "status", "r-1", "--watch", "--interval", "10ms");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().filter(line -> line.startsWith("[")))
                .extracting(line -> line.replaceAll("^\\S+\\s+(\\d+%).* (\\w+)$", "$2 $1"))
                .containsExactly("RUNNING 1%", "RUNNING 15%", "READY 100%");
        assertThat(api.requests()).hasSize(6);
    }

    @Test
    void onATerminalTheProgressLineIsRedrawnInPlace() {
        api.answer("GET", REPLAY_PATH, running(100), replay("CATCHING_UP", 9500, 2500.0, 0L, null, "null"),
                replay("SWITCHED", 10000, 0, null, null, "null"));

        CliRun.Result result = cli().onTerminal().run("replay", "status", "r-1", "--watch", "--interval", "10ms");

        assertThat(result.exitCode()).isZero();
        // Three polls, three redraws of one line; the only line break comes at the end.
        assertThat(result.out()).matches(
                "\r\\[[#.]{20}][^\r\n]*RUNNING *\r\\[[^\r\n]*CATCHING_UP *\r\\[[^\r\n]*SWITCHED *\n");
    }

    @Test
    void watchWithOutputJsonPrintsOnlyTheFinalReplay() throws Exception {
        String ready = replay("READY", 10000, 0, null, null, "{\"empty\":false,\"rows\":3}");
        api.answer("GET", REPLAY_PATH, running(100), ready);

        CliRun.Result result = run("replay", "status", "r-1", "--watch", "--interval", "10ms", "--output", "json");

        assertThat(result.exitCode()).isZero();
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        assertThat(mapper.readTree(result.out())).isEqualTo(mapper.readTree(ready));
        assertThat(result.out()).contains("\"eventsPerSecond\" : 0.0,");
    }
}
