package io.baseplane.saga.ops;

import io.baseplane.kernel.saga.SagaStatus;
import java.util.Set;

/** What a batch does to each saga its filter matches; each applies only to sagas in these statuses. */
public enum BatchAction {
    RETRY(SagaActions.RETRYABLE),
    ABORT(SagaActions.ABORTABLE);

    private final Set<SagaStatus> applicable;

    BatchAction(Set<SagaStatus> applicable) {
        this.applicable = applicable;
    }

    Set<SagaStatus> applicable() {
        return applicable;
    }
}
