package io.baseplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionOptionsTest extends CliAgainstFakeApi {

    static final String NO_REPLAYS = "{\"replays\":[]}";

    @BeforeEach
    void answerNoReplays() {
        api.answer("GET", "/api/v1/ops/replays", NO_REPLAYS);
    }

    @Test
    void aTokenIsSentAsABearerAuthorization() {
        CliRun.Result result = run("replay", "list", "--token", "ops-token");

        assertThat(result.exitCode()).isZero();
        assertThat(api.onlyRequest().header("Authorization")).isEqualTo("Bearer ops-token");
        assertThat(api.onlyRequest().header("X-API-Key")).isNull();
    }

    @Test
    void anApiKeyFromTheEnvironmentIsSentAsXApiKey() {
        CliRun.Result result = cli().env("BASEPLANE_API_KEY", "bpk_1.secret").run("replay", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(api.onlyRequest().header("X-API-Key")).isEqualTo("bpk_1.secret");
        assertThat(api.onlyRequest().header("Authorization")).isNull();
    }

    @Test
    void aTokenFromTheEnvironmentIsSentAsABearerAuthorization() {
        CliRun.Result result = cli().env("BASEPLANE_TOKEN", "env-token").run("replay", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(api.onlyRequest().header("Authorization")).isEqualTo("Bearer env-token");
    }

    @Test
    void aCredentialOnTheCommandLineWinsOverTheEnvironmentsOther() {
        CliRun.Result result = cli().env("BASEPLANE_API_KEY", "bpk_1.secret")
                .run("--token", "ops-token", "replay", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(api.onlyRequest().header("Authorization")).isEqualTo("Bearer ops-token");
        assertThat(api.onlyRequest().header("X-API-Key")).isNull();
    }

    @Test
    void withoutACredentialNoneIsSent() {
        CliRun.Result result = run("replay", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(api.onlyRequest().headers()).doesNotContainKeys("Authorization", "X-API-Key");
    }

    @Test
    void theBaseUrlComesFromBaseplaneUrl() {
        CliRun.Result result = CliRun.withoutEnvironment().env("BASEPLANE_URL", api.url() + "/").run("replay", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.onlyRequest().path()).isEqualTo("/api/v1/ops/replays");
    }

    @Test
    void theUrlOptionWinsOverBaseplaneUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun.Result result = CliRun.withoutEnvironment().env("BASEPLANE_URL", "http://127.0.0.1:" + closedPort)
                .run("replay", "list", "--url", api.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.requests()).hasSize(1);
    }
}
