package io.baseplane.kernel.ops;

import org.axonframework.serialization.Revision;

/**
 * An operator started a replay of a view's processor.
 *
 * @param mode      {@code in-place} or {@code blue-green}
 * @param from      as asked: {@code beginning}, a global index or a timestamp
 * @param fromIndex the replay handles the events after this global index (-1: all)
 */
@Revision("1")
public record ReplayStarted(String replayId, String processor, String mode, String from, long fromIndex,
                            boolean autoSwitch, String reason) {
}
