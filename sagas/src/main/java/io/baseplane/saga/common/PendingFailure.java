package io.baseplane.saga.common;

import java.util.ArrayList;
import java.util.List;

/**
 * A saga's step that failed for a technical reason and is not through yet: retried after a backoff, or parked
 * once its attempts are used up.
 *
 * @param step            the step as the journal names it
 * @param attempt         attempts made so far
 * @param error           what the last attempt failed with
 * @param held            for a failed handler: the message it failed on first, then those that arrived since,
 *                        in order; they are handled again in that order. Empty for a failed outside call
 *                        ({@code call}), which the saga itself runs again
 * @param retryDeadlineId the pending retry's deadline, or null once parked
 * @param call            true when an outside call failed (the saga runs it again), false when a handler did
 */
public record PendingFailure(String step, int attempt, String error, List<HeldMessage> held, String retryDeadlineId,
                             boolean call) {

    public PendingFailure {
        held = held == null ? List.of() : List.copyOf(held);
    }

    public boolean parked() {
        return retryDeadlineId == null;
    }

    PendingFailure holding(HeldMessage message) {
        List<HeldMessage> more = new ArrayList<>(held);
        more.add(message);
        return new PendingFailure(step, attempt, error, more, retryDeadlineId, call);
    }

    /**
     * The first held message went through; the next one is handled now, as a first attempt of its own. Null when
     * none is left.
     */
    PendingFailure withoutFirst() {
        if (held.size() <= 1) {
            return null;
        }
        HeldMessage next = held.get(1);
        return new PendingFailure("handle " + next.payloadName(), 0, null, held.subList(1, held.size()), null, call);
    }

    /** An operator's retry: the attempts are counted anew. */
    PendingFailure restarted() {
        return new PendingFailure(step, 0, error, held, null, call);
    }
}
