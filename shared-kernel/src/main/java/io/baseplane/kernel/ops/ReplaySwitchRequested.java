package io.baseplane.kernel.ops;

import org.axonframework.serialization.Revision;

/**
 * An operator asked for a blue-green replay's shadow tables to replace the live view (or the replay was started with
 * {@code autoSwitch} and its diff came out empty: then the reason says so).
 */
@Revision("1")
public record ReplaySwitchRequested(String replayId, String processor, String reason) {
}
