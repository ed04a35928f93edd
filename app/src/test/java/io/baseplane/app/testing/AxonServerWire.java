package io.baseplane.app.testing;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.axonserver.connector.query.QuerySerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.NoOpCallback;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.serialization.Serializer;

/**
 * What Axon Server does to messages between two nodes, without Axon Server: every command, query and answer is written
 * as the connector's gRPC message and read back, by the connector's own serializers ({@code CommandSerializer},
 * {@code QuerySerializer}, and through them its {@code ExceptionSerializer} and {@code ErrorCode}) over the
 * platform's messages serializer. What a remote bus loses on the way, a bus behind this wire loses too; what it keeps
 * (an execution exception's details) arrives as the dispatching node would see it.
 */
public final class AxonServerWire {

    private static final String ROUTING_KEY = "wire";
    private static final int PRIORITY = 0;
    private static final int ONE_ANSWER = 1;
    private static final long QUERY_TIMEOUT_MS = 10_000;

    private final CommandSerializer commands;
    private final QuerySerializer queries;

    /**
     * @param messageSerializer the platform's {@code messageSerializer} bean, as Axon Server's buses use it
     * @param genericSerializer the platform's general {@code serializer} bean (query response types)
     */
    public AxonServerWire(Serializer messageSerializer, Serializer genericSerializer) {
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        this.commands = new CommandSerializer(messageSerializer, configuration);
        this.queries = new QuerySerializer(messageSerializer, genericSerializer, configuration);
    }

    /** The bus a sending node dispatches on: its commands run on {@code handlingNode}, across the wire both ways. */
    public CommandBus commandsTo(CommandBus handlingNode) {
        return new CommandBus() {
            @Override
            public <C> void dispatch(CommandMessage<C> command) {
                dispatch(command, NoOpCallback.INSTANCE);
            }

            @Override
            public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
                CommandMessage<?> received = commands.deserialize(commands.serialize(command, ROUTING_KEY, PRIORITY));
                handlingNode.dispatch(received, (handled, result) -> {
                    CommandResultMessage<R> answer = commands.deserialize(
                            commands.serialize(result, command.getIdentifier()));
                    callback.onResult(command, answer);
                });
            }

            @Override
            public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
                return handlingNode.subscribe(commandName, handler);
            }

            @Override
            public Registration registerHandlerInterceptor(
                    MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
                return handlingNode.registerHandlerInterceptor(handlerInterceptor);
            }

            @Override
            public Registration registerDispatchInterceptor(
                    MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
                throw new UnsupportedOperationException("the wire has no dispatch interceptors");
            }
        };
    }

    /** {@code query} answered by {@code handlingNode}, as the sending node reads the answer off the wire. */
    public <Q, R> QueryResponseMessage<R> ask(QueryBus handlingNode, QueryMessage<Q, R> query) {
        QueryMessage<Object, Object> received = queries.deserializeRequest(
                queries.serializeRequest(query, ONE_ANSWER, QUERY_TIMEOUT_MS, PRIORITY));
        QueryResponseMessage<Object> answer = handlingNode.query(received).join();
        return queries.deserializeResponse(queries.serializeResponse(answer, query.getIdentifier()),
                query.getResponseType());
    }
}
