package io.baseplane.saga.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@link SupervisedSaga} needs to contain a failed handler: a savepoint and a nested unit of work around
 * the handler (so its writes, deadlines and the events of the commands it sent are undone, and the batch of
 * every other saga commits), a copy of the saga's state to put back, the serialised form of a message to hold,
 * and the retry policy.
 */
@Component
public class SagaSupervision {

    private final SagaProperties properties;
    private final Serializer serializer;
    private final ObjectMapper stateMapper;
    private final TransactionTemplate savepoint;
    private final List<CorrelationDataProvider> correlationDataProviders;

    /**
     * {@code transactionManager} may be null where there is no database (saga fixtures): no savepoint then.
     * {@code correlationDataProviders} are the platform's (Axon uses the same beans); without them, a handler's
     * commands take the chain of the unit of work around it.
     */
    @Autowired
    public SagaSupervision(SagaProperties properties, Serializer serializer,
                           PlatformTransactionManager transactionManager,
                           List<CorrelationDataProvider> correlationDataProviders) {
        this.properties = properties;
        this.correlationDataProviders = List.copyOf(correlationDataProviders);
        this.serializer = serializer;
        // Saga state is stored by this very serialiser; the copy must see the same fields.
        this.stateMapper = serializer instanceof JacksonSerializer jackson ? jackson.getObjectMapper() : new ObjectMapper();
        this.savepoint = transactionManager == null ? null : Savepoints.template(transactionManager);
    }

    public SagaProperties properties() {
        return properties;
    }

    /** Runs a saga's handler so that, when it fails, nothing it did stays: a savepoint and a nested unit of work. */
    Object contained(Message<?> message, Callable<Object> handler) throws Exception {
        Callable<Object> inUnitOfWork = () -> {
            // The handler's commands continue the chain (correlation, causation, user, tenant) of the message it
            // handles, a held one too; a nested unit of work has no correlation providers of its own.
            MetaData parentChain = CurrentUnitOfWork.isStarted()
                    ? CurrentUnitOfWork.get().getCorrelationData() : MetaData.emptyInstance();
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(message);
            if (correlationDataProviders.isEmpty()) {
                unitOfWork.registerCorrelationDataProvider(handled -> parentChain);
            } else {
                correlationDataProviders.forEach(unitOfWork::registerCorrelationDataProvider);
            }
            ResultMessage<Object> result = unitOfWork.executeWithResult(handler, RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                throw asException(result.exceptionResult());
            }
            return result.getPayload();
        };
        if (savepoint == null || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return inUnitOfWork.call();
        }
        try {
            return savepoint.execute(status -> {
                try {
                    return inUnitOfWork.call();
                } catch (Exception e) {
                    throw new Contained(e);
                }
            });
        } catch (Contained contained) {
            throw (Exception) contained.getCause();
        }
    }

    byte[] snapshot(Object saga) {
        try {
            return stateMapper.writeValueAsBytes(saga);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void restore(Object saga, byte[] state) {
        try {
            stateMapper.readerForUpdating(saga).readValue(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HeldMessage hold(Message<?> message) {
        SerializedObject<String> payload = serializer.serialize(message.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(message.getMetaData(), String.class);
        Instant timestamp = message instanceof EventMessage<?> event ? event.getTimestamp() : Instant.now();
        String deadlineName = message instanceof DeadlineMessage<?> deadline ? deadline.getDeadlineName() : null;
        return new HeldMessage(deadlineName, message.getIdentifier(), timestamp.toString(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData.getData());
    }

    EventMessage<?> release(HeldMessage held) {
        Object payload = serializer.deserialize(
                new SimpleSerializedObject<>(held.payload(), String.class, held.payloadType(), held.payloadRevision()));
        MetaData metaData = serializer.deserialize(
                new SimpleSerializedObject<>(held.metaData(), String.class, MetaData.class.getName(), null));
        Instant timestamp = Instant.parse(held.timestamp());
        if (held.deadlineName() != null) {
            return new GenericDeadlineMessage<>(held.deadlineName(),
                    new GenericMessage<>(held.identifier(), payload, metaData), () -> timestamp);
        }
        return new GenericEventMessage<>(held.identifier(), payload, metaData, timestamp);
    }

    private static Exception asException(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (Exception) failure;
    }

    /** Carries a handler's checked exception through the transaction template, which rolls back on it. */
    private static final class Contained extends RuntimeException {
        Contained(Exception cause) {
            super(cause);
        }
    }
}
