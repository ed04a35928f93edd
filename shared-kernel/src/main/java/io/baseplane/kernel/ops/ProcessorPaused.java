package io.baseplane.kernel.ops;

import org.axonframework.serialization.Revision;

/** An operator paused an event processor on every node. */
@Revision("1")
public record ProcessorPaused(String processor, String reason) {
}
