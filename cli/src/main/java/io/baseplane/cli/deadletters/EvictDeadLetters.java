package io.baseplane.cli.deadletters;

import io.baseplane.cli.http.ApiResponse;
import picocli.CommandLine.Command;

/** {@code baseplane dead-letters evict --processor P (--group G | --sequence S | --entry E) --reason R}. */
@Command(name = "evict", description = "Give up on dead letters: they are removed without being handled.")
final class EvictDeadLetters extends DeadLetterAction {

    @Override
    public Integer call() {
        ApiResponse answer = post("/api/v1/ops/dead-letters/evict");
        if (json()) {
            printJson(answer);
        } else {
            out().println("evicted " + answer.as(EvictResult.class).evicted());
        }
        return 0;
    }

    record EvictResult(long evicted) {
    }
}
