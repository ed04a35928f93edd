package io.baseplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DeadLettersTest extends CliAgainstFakeApi {

    static final String GROUPS = """
            {"groups":[{"processor":"workspace-view","group":"g-1","exceptionType":"java.lang.IllegalStateException",
             "message":"no workspace ws-7","count":4,"firstAt":"2026-05-01T10:00:00Z","lastAt":"2026-05-01T11:00:00Z",
             "sample":{"entryId":"e-9","sequence":"ws-7","eventType":"MemberAdded","aggregateId":"ws-7",
                       "sequenceNumber":3,"globalIndex":812,"payload":{"userId":"bob"}}}]}""";

    @Test
    void listShowsTheGroupsWithCountAndError() {
        api.answer("GET", "/api/v1/ops/dead-letters", GROUPS);

        CliRun.Result result = run("dead-letters", "list", "--processor", "workspace-view");

        assertThat(result.exitCode()).isZero();
        assertThat(api.onlyRequest().query()).isEqualTo("processor=workspace-view");
        assertThat(cells(result.out())).containsExactly(
                List.of("PROCESSOR", "GROUP", "COUNT", "FIRST-AT", "LAST-AT", "ERROR"),
                List.of("workspace-view", "g-1", "4", "2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z",
                        "IllegalStateException: no workspace ws-7"));
    }

    @Test
    void listOfOneGroupShowsItsSampleLetter() {
        api.answer("GET", "/api/v1/ops/dead-letters", GROUPS);

        CliRun.Result result = run("dead-letters", "list", "--processor", "workspace-view", "--group", "g-1");

        assertThat(api.onlyRequest().query()).isEqualTo("processor=workspace-view&group=g-1");
        assertThat(result.out()).contains("sample of g-1: entry e-9, sequence ws-7")
                .contains("  MemberAdded of aggregate ws-7 #3, global index 812")
                .contains("  payload: {\"userId\":\"bob\"}");
    }

    @Test
    void retrySendsTheProcessorTheOneChosenTargetAndTheReason() throws Exception {
        CliRun.Result result = actOnWorkspaceView("retry", "{\"retried\":3,\"remaining\":1}",
                "--sequence", "ws-7", "--reason", "workspace restored");

        assertThat(requestJson()).isEqualTo(json("""
                {"processor":"workspace-view","sequence":"ws-7","reason":"workspace restored"}"""));
        assertThat(result.out()).isEqualTo("retried 3, 1 remaining\n");
    }

    @Test
    void evictPostsToEvictAndSaysHowMany() throws Exception {
        CliRun.Result result = actOnWorkspaceView("evict", "{\"evicted\":2}", "--entry", "e-9", "--reason", "obsolete");

        assertThat(requestJson()).isEqualTo(json("""
                {"processor":"workspace-view","entry":"e-9","reason":"obsolete"}"""));
        assertThat(result.out()).isEqualTo("evicted 2\n");
    }

    @Test
    void twoTargetsAtOnceAreAUsageError() {
        CliRun.Result result = run("dead-letters", "evict", "--processor", "p", "--group", "g-1", "--entry", "e-9",
                "--reason", "r");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("mutually exclusive");
        assertThat(api.requests()).isEmpty();
    }

    /** Runs {@code dead-letters <action> --processor workspace-view <target> --reason R} against {@code answer}. */
    private CliRun.Result actOnWorkspaceView(String action, String answer, String... targetAndReason) {
        api.answer("POST", "/api/v1/ops/dead-letters/" + action, answer);
        CliRun.Result result = run(Stream.concat(Stream.of("dead-letters", action, "--processor", "workspace-view"),
                Stream.of(targetAndReason)).toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }
}
