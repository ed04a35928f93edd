package io.baseplane.cli.sagas;

import java.util.List;

/** GET /api/v1/ops/sagas (the server's io.baseplane.saga.ops.SagaPage); nextCursor is null on the last page. */
record SagaPage(List<SagaSummary> items, String nextCursor) {

    SagaPage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One saga instance (the server's io.baseplane.saga.ops.SagaSummary); endedAt is null while it is active. */
    record SagaSummary(String sagaId, String type, String key, String tenantId, String status, String currentStep,
                       int attempts, String lastError, String startedAt, String lastProgressAt, String endedAt,
                       boolean stuck) {
    }
}
