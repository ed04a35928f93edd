package io.baseplane.cli.replay;

import io.baseplane.cli.ApiCall;
import io.baseplane.cli.http.ApiResponse;
import picocli.CommandLine.Command;

/** {@code baseplane replay list}. */
@Command(name = "list", description = "List the replays, running and past.")
final class ListReplays extends ApiCall {

    @Override
    public Integer call() {
        ApiResponse answer = api().get("/api/v1/ops/replays");
        if (json()) {
            printJson(answer);
        } else {
            ReplayText.table(answer.as(ReplayList.class).replays(), out());
        }
        return 0;
    }
}
