package io.baseplane.kernel.ops;

import org.axonframework.serialization.Revision;

/**
 * An operator had a view processor handle parked events again.
 *
 * @param scope     what was chosen: {@code group} (an error fingerprint), {@code sequence} (an aggregate's parked
 *                  events) or {@code entry} (one dead letter and those behind it in its sequence)
 * @param target    the fingerprint, sequence or entry id
 * @param retried   parked events handled and removed from the queue
 * @param remaining parked events still in the chosen sequences (they failed again, or arrived meanwhile)
 */
@Revision("1")
public record DeadLettersRetried(String processor, String scope, String target, long retried, long remaining,
                                 String reason) {
}
