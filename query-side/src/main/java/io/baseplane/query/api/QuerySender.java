package io.baseplane.query.api;

import io.baseplane.kernel.common.CurrentCaller;
import io.baseplane.kernel.common.RefusalDetails;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.springframework.stereotype.Component;

/**
 * Sends a query on behalf of the current caller: the caller's metadata travels with it, so the query
 * handler, where the data is, enforces tenant isolation.
 */
@Component
public class QuerySender {

    private final QueryBus queryBus;
    private final CurrentCaller currentCaller;

    QuerySender(QueryBus queryBus, CurrentCaller currentCaller) {
        this.queryBus = queryBus;
        this.currentCaller = currentCaller;
    }

    public <R> R ask(Object query, Class<R> resultType) {
        QueryMessage<Object, R> message = message(query, resultType);
        QueryResponseMessage<R> response;
        try {
            response = queryBus.query(message).join();
        } catch (CompletionException e) {
            throw RefusalDetails.restore(e.getCause()) instanceof RuntimeException runtime ? runtime : e;
        }
        return payloadOf(response);
    }

    /**
     * The answer's payload; a handler's exception (not found, another tenant's data) comes back as an
     * exceptional result and is thrown as it was, also when a handler on another node answered (its refusal
     * travels as the details of a {@code QueryExecutionException}, ADR 0021).
     */
    public static <R> R payloadOf(QueryResponseMessage<R> response) {
        if (response.isExceptional()) {
            Throwable failure = RefusalDetails.restore(response.exceptionResult());
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return response.getPayload();
    }

    /** The query as a message carrying the caller, for subscription queries too. */
    public <R> QueryMessage<Object, R> message(Object query, Class<R> resultType) {
        return new GenericQueryMessage<>(query, ResponseTypes.instanceOf(resultType))
                .andMetaData(currentCaller.metaData());
    }
}
