package io.baseplane.kernel.saga;

import org.axonframework.serialization.Revision;

/** An operator asked a saga to give up: undo the steps that succeeded, in reverse order, and end. */
@Revision("1")
public record SagaAbortRequested(String sagaId, String sagaType, String reason) {
}
