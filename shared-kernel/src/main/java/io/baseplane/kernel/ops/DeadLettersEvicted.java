package io.baseplane.kernel.ops;

import org.axonframework.serialization.Revision;

/**
 * An operator removed parked events from a view processor's dead-letter queue: the view will never see them.
 *
 * @param scope   {@code group} (an error fingerprint), {@code sequence} (an aggregate's parked events) or
 *                {@code entry} (one dead letter)
 * @param target  the fingerprint, sequence or entry id
 * @param evicted parked events removed
 */
@Revision("1")
public record DeadLettersEvicted(String processor, String scope, String target, long evicted, String reason) {
}
