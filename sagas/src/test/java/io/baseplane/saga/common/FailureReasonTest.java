package io.baseplane.saga.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.RuleViolationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void domainRefusalIsQuotedWithTheStepThatFailed() {
        assertThat(FailureReason.of("create", new RuleViolationException("workspace.name-taken",
                "Workspace name 'X' is taken"))).isEqualTo("create failed: Workspace name 'X' is taken");
    }

    @Test
    void futureWrappersAreLookedThrough() {
        Throwable wrapped = new CompletionException(new ExecutionException(new NotFoundException("tenant", "t-1")));

        assertThat(FailureReason.of("add owner", wrapped)).isEqualTo("add owner failed: tenant t-1 was not found");
    }

    @Test
    void otherFailuresAreNamedByTypeSoNoInternalsReachEvents() {
        assertThat(FailureReason.of("notify", new IllegalStateException("jdbc:postgresql://db-7/secret")))
                .isEqualTo("notify failed: unexpected IllegalStateException");
    }
}
