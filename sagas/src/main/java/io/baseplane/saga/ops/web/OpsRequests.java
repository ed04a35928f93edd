package io.baseplane.saga.ops.web;

import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.saga.ops.BatchAction;
import io.baseplane.saga.ops.SagaFilter;

/** Request bodies of the operators' saga endpoints. */
final class OpsRequests {

    private OpsRequests() {
    }

    /** Why the operator acts: required, 1 to 500 characters of clean text. */
    record Reason(String reason) {

        static String of(Reason body) {
            return body == null ? null : body.reason();
        }
    }

    /** The list's filter, as JSON: the same fields as its query parameters. */
    record Filter(String type, String status, String tenantId, Boolean stuck, String startedAfter,
                  String startedBefore, String q) {

        SagaFilter parse() {
            return SagaFilter.parse(new SagaFilter.Raw(type, status, tenantId, stuck == null ? null : stuck.toString(),
                    startedAfter, startedBefore, q), "filter.");
        }
    }

    /** {@code dryRun} (default false): only count the sagas the action would touch. */
    record Batch(Filter filter, BatchAction action, String reason, Boolean dryRun) {

        SagaFilter sagaFilter() {
            return filter == null ? SagaFilter.NONE : filter.parse();
        }

        BatchAction requiredAction() {
            if (action == null) {
                throw new InvalidValueException("action", "must be RETRY or ABORT");
            }
            return action;
        }

        boolean dry() {
            return Boolean.TRUE.equals(dryRun);
        }
    }
}
