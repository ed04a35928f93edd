package io.baseplane.cli.deadletters;

import io.baseplane.cli.http.ApiResponse;
import picocli.CommandLine.Command;

/** {@code baseplane dead-letters retry --processor P (--group G | --sequence S | --entry E) --reason R}. */
@Command(name = "retry", description = "Handle dead letters again, in their sequences' order.")
final class RetryDeadLetters extends DeadLetterAction {

    @Override
    public Integer call() {
        ApiResponse answer = post("/api/v1/ops/dead-letters/retry");
        if (json()) {
            printJson(answer);
        } else {
            RetryResult result = answer.as(RetryResult.class);
            out().println("retried " + result.retried() + ", " + result.remaining() + " remaining");
        }
        return 0;
    }

    /** @param remaining the letters still dead after the retry: those that failed again, and any not reached */
    record RetryResult(long retried, long remaining) {
    }
}
