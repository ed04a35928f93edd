package io.baseplane.kernel.saga;

import org.axonframework.serialization.Revision;

/** An operator asked a retrying or parked saga to retry its failed step now, with attempts counted anew. */
@Revision("1")
public record SagaRetryRequested(String sagaId, String sagaType, String reason) {
}
