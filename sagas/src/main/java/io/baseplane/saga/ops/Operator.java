package io.baseplane.saga.ops;

import io.baseplane.kernel.common.CurrentCaller;
import io.baseplane.kernel.common.MetaDataKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;

/**
 * The operator an action is done for, taken from the request while there is one: a batch job acts later on
 * its own thread, where no caller is known, but in the name of the operator who started it.
 *
 * @param userId        who acted, as the journal records it
 * @param metaData      the caller's metadata for the events (roles are for commands only, never on events)
 * @param correlationId the request's correlation id, which the events of the action carry
 */
public record Operator(String userId, MetaData metaData, String correlationId) {

    /**
     * The metadata of the operator's action as an event: the caller's, and the request's correlation id as both its
     * correlation and its causation, since the action starts a chain of its own, as a request's first event does.
     */
    public Map<String, Object> actionMetaData() {
        Map<String, Object> actionMetaData = new HashMap<>(metaData);
        actionMetaData.put(MetaDataKeys.CORRELATION_ID, correlationId);
        actionMetaData.put(MetaDataKeys.CAUSATION_ID, correlationId);
        return actionMetaData;
    }

    public static Operator current(CurrentCaller caller) {
        return new Operator(caller.userId().value(), caller.metaData().withoutKeys(Set.of(MetaDataKeys.ROLES)),
                requestCorrelation());
    }

    /** The id the request filter gave the request (logged and answered as X-Correlation-Id), else a new one. */
    private static String requestCorrelation() {
        String current = MDC.get(MetaDataKeys.CORRELATION_ID);
        try {
            return current != null && current.length() == 36 ? UUID.fromString(current).toString()
                    : UUID.randomUUID().toString();
        } catch (IllegalArgumentException e) {
            return UUID.randomUUID().toString();
        }
    }
}
