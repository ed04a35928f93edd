package io.baseplane.kernel.ops;

import org.axonframework.serialization.Revision;

/** An operator cancelled a replay before it was done. */
@Revision("1")
public record ReplayCancelled(String replayId, String processor, String reason) {
}
