package io.baseplane.saga.common;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What an outside call returned, on its way back to the saga that asked for it (as a persistent deadline).
 *
 * @param callId which call of the saga this answers; an answer to a call the saga no longer waits for (it
 *               timed out and was tried again) is ignored
 * @param result what the call's work returned, typed by the saga that made it
 */
public record CallOutcome(String callId,
                          @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY) Object result) {

    /** The work threw instead of returning: a defect or an outage on this side, so technical. */
    public record Unexpected(String error) {
    }
}
