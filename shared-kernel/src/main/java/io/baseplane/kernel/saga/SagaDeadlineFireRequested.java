package io.baseplane.kernel.saga;

import org.axonframework.serialization.Revision;

/** An operator fired one of a saga's pending deadlines before its due time. */
@Revision("1")
public record SagaDeadlineFireRequested(String sagaId, String sagaType, String deadlineId, String reason) {
}
