package io.baseplane.app.observability;

import io.baseplane.kernel.common.MetaDataKeys;
import java.util.List;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * Puts the chain's {@code correlationId}, and the {@code tenantId} and {@code userId} a message carries,
 * into the logging context while the message is handled, so every log line of a command handler, a saga
 * or a projector names them. A message that starts a chain (a command sent outside any request) is its own
 * correlation. What was there before is restored afterwards: a command sent by a saga runs nested in the
 * saga's handling.
 */
class MessageLogContext implements MessageHandlerInterceptor<Message<?>> {

    static final List<String> KEYS = List.of(MetaDataKeys.CORRELATION_ID, MetaDataKeys.TENANT_ID, MetaDataKeys.USER_ID);

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        String[] previous = KEYS.stream().map(MDC::get).toArray(String[]::new);
        try {
            Object correlation = message.getMetaData().get(MetaDataKeys.CORRELATION_ID);
            put(MetaDataKeys.CORRELATION_ID, correlation == null ? message.getIdentifier() : correlation);
            put(MetaDataKeys.TENANT_ID, message.getMetaData().get(MetaDataKeys.TENANT_ID));
            put(MetaDataKeys.USER_ID, message.getMetaData().get(MetaDataKeys.USER_ID));
            return chain.proceed();
        } finally {
            for (int i = 0; i < KEYS.size(); i++) {
                put(KEYS.get(i), previous[i]);
            }
        }
    }

    private static void put(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value.toString());
        }
    }
}
