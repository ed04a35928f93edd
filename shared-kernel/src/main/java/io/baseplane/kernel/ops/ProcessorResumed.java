package io.baseplane.kernel.ops;

import org.axonframework.serialization.Revision;

/** An operator resumed a paused event processor on every node. */
@Revision("1")
public record ProcessorResumed(String processor, String reason) {
}
