package io.baseplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SagasTest extends CliAgainstFakeApi {

    /** The shape of the server's SagaPage of SagaSummary (sagas module, io.baseplane.saga.ops). */
    static final String PAGE = """
            {"items":[{"sagaId":"s-1","type":"WorkspaceProvisioning","key":"ws-7",
             "tenantId":"4f1c2a9e-0000-4000-8000-000000000001","status":"PARKED","currentStep":"create-workspace",
             "attempts":5,"lastError":"quota service down","startedAt":"2026-05-01T10:00:00Z",
             "lastProgressAt":"2026-05-01T10:05:00Z","endedAt":null,"stuck":true}],"nextCursor":"c2"}""";

    @Test
    void listPassesTheFiltersAndShowsTheSagasWithTheNextPage() {
        api.answer("GET", "/api/v1/ops/sagas", PAGE);

        CliRun.Result result = run("sagas", "list", "--stuck", "--type", "WorkspaceProvisioning",
                "--status", "PARKED", "--tenant", "4f1c2a9e-0000-4000-8000-000000000001");

        assertThat(result.exitCode()).isZero();
        assertThat(api.onlyRequest().query()).isEqualTo(
                "stuck=true&type=WorkspaceProvisioning&status=PARKED&tenantId=4f1c2a9e-0000-4000-8000-000000000001");
        assertThat(cells(result.out())).containsExactly(
                List.of("SAGA-ID", "TYPE", "KEY", "STATUS", "STEP", "ATTEMPTS", "STUCK", "LAST-PROGRESS",
                        "LAST-ERROR"),
                List.of("s-1", "WorkspaceProvisioning", "ws-7", "PARKED", "create-workspace", "5", "yes",
                        "2026-05-01T10:05:00Z", "quota service down"),
                List.of("more: add --cursor c2"));
    }

    @Test
    void withoutFiltersTheListAsksForEverySaga() {
        api.answer("GET", "/api/v1/ops/sagas", "{\"items\":[],\"nextCursor\":null}");

        CliRun.Result result = run("sagas", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(api.onlyRequest().query()).isNull();
        assertThat(result.out()).isEqualTo("no sagas\n");
    }
}
