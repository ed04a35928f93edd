package io.baseplane.kernel.ops;

import org.axonframework.serialization.Revision;

/** An operator dropped the tables a blue-green switch had replaced, kept until then. */
@Revision("1")
public record PreviousViewDropped(String replayId, String processor, String reason) {
}
