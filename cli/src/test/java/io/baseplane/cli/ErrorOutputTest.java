package io.baseplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ErrorOutputTest extends CliAgainstFakeApi {

    @Test
    void aProblemAnswerIsOneLineOnStderrAndExitCode1() {
        api.answerProblem("POST", "/api/v1/ops/processors/workspace-view/pause", 409, """
                {"type":"https://baseplane.io/problems/processor.paused","title":"Conflict","status":409,
                 "detail":"Processor workspace-view is already paused","code":"processor.paused"}""");

        CliRun.Result result = run("processors", "pause", "workspace-view", "--reason", "x");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: 409 Conflict — Processor workspace-view is already paused\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void invalidInputAlsoNamesTheFieldsTheDetailLeavesOut() {
        api.answerProblem("POST", "/api/v1/ops/replays", 400, """
                {"title":"Bad Request","status":400,"detail":"reason: must not be blank","code":"invalid-input",
                 "errors":[{"field":"reason","message":"must not be blank"},
                           {"field":"from","message":"is after the head"}]}""");

        CliRun.Result result = run("replay", "start", "v", "--from", "99", "--reason", " ");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "error: 400 Bad Request — reason: must not be blank (from: is after the head)\n");
    }

    @Test
    void anAnswerWithoutAProblemBodyIsNamedByItsStatus() {
        api.answerRaw("GET", "/api/v1/ops/replays", 503, null, "");

        CliRun.Result result = run("replay", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: 503 Service Unavailable\n");
    }

    @Test
    void anAnswerOfAnotherShapeIsOneLineNotAStackTrace() {
        api.answer("GET", "/api/v1/ops/processors", "{\"processors\":\"not a list\"}");

        CliRun.Result result = run("processors");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: the API's answer is not a ProcessorList: ").hasLineCount(1);
    }

    @Test
    void anUnreachablePlatformIsOneLineAndExitCode3() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun.Result result = CliRun.withoutEnvironment().run("processors", "--url", "http://127.0.0.1:" + closedPort);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).startsWith("error: cannot reach http://127.0.0.1:" + closedPort + ": ")
                .hasLineCount(1);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMissingDeadLetterTargetIsAUsageErrorWithExitCode2() {
        CliRun.Result result = run("dead-letters", "retry", "--processor", "p", "--reason", "r");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required argument");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aTokenAndAnApiKeyTogetherAreAUsageError() {
        CliRun.Result result = run("processors", "--token", "t", "--api-key", "k");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Use --token or --api-key, not both");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void anInvalidUrlIsAUsageError() {
        CliRun.Result result = CliRun.withoutEnvironment().run("processors", "--url", "localhost:8080");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Invalid URL 'localhost:8080'");
    }
}
