package io.baseplane.app.axonserver;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryMessage;

/**
 * A query handler's refusal (not found, another tenant's data, a bad parameter) leaves the node as a
 * {@code QueryExecutionException} with details. An interceptor suffices for queries: unlike a command, a query has
 * no commit phase after its handler returns in which it could still fail.
 */
public final class QueryRefusalsWithDetails implements MessageHandlerInterceptor<QueryMessage<?, ?>> {

    @Override
    public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (Exception failure) {
            Throwable translated = DetailedRefusals.ofQuery(failure);
            throw translated == failure ? failure : (RuntimeException) translated;
        }
    }
}
