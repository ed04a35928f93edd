package io.baseplane.app.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.cli.BaseplaneCli;
import io.baseplane.cli.CliEnvironment;
import io.baseplane.projection.ReadModelGroups;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operators' CLI, its entry point run against the running platform as an operator would in a shell. */
class CliAgainstThePlatformTest extends ReplayTestBase {

    @Test
    void listsTheProcessorsOfThePlatform() {
        Run run = cli("processors");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("NAME").contains(ReadModelGroups.WORKSPACE_VIEW).contains("pooled")
                .contains("running");
        assertThat(cli("processors", "--output", "json").out()).contains("\"processors\"");
    }

    @Test
    void startsABlueGreenRebuildAndWatchesItUntilItSwitched() {
        Run run = cli("replay", "start", ReadModelGroups.TENANT_VIEW, "--blue-green", "--auto-switch",
                "--reason", "from the CLI", "--watch", "--interval", "200ms");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).contains("SWITCHED").contains("events");
        assertThat(jdbc.queryForObject("""
                select status from processor_replay where processor_name = ? and reason = 'from the CLI'""",
                String.class, ReadModelGroups.TENANT_VIEW)).isEqualTo("SWITCHED");
    }

    @Test
    void anApiRefusalIsOneLineAndAFailingExitCode() {
        Run run = cli("replay", "start", "TenantOnboardingSagaProcessor", "--reason", "sagas must not replay");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("error: 409").contains("Only views are replayed")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> variables = Map.of("BASEPLANE_URL", "http://localhost:" + port,
                "BASEPLANE_TOKEN", tokens.operator());
        int exit = BaseplaneCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new CliEnvironment(variables::get, false));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exit, String out, String err) {
    }
}
