package io.baseplane.app.axon;

import java.util.function.UnaryOperator;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;

/**
 * A command bus that hands a failed command's exception through {@code translation} before its callback sees it;
 * everything else goes to the bus it wraps. A bus rather than a handler interceptor, because a command also fails
 * after its handler returned, while its unit of work commits (the events appended, the lookups that run in the storing
 * transaction), and only the result the callback receives carries those failures too.
 *
 * <p>Both ends of a distributed command use it: the node that handles the command turns refusals into
 * {@code CommandExecutionException}s with details ({@code io.baseplane.app.axonserver}), and the gateway that sent it
 * rebuilds them ({@link CommandGatewayConfiguration}).
 */
public final class FailureTranslatingCommandBus implements CommandBus {

    private final CommandBus delegate;
    private final UnaryOperator<Throwable> translation;

    public FailureTranslatingCommandBus(CommandBus delegate, UnaryOperator<Throwable> translation) {
        this.delegate = delegate;
        this.translation = translation;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        delegate.dispatch(command);
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        delegate.dispatch(command, new TranslatingCallback<C, R>(callback));
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return delegate.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return delegate.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }

    private final class TranslatingCallback<C, R> implements CommandCallback<C, R> {

        private final CommandCallback<? super C, ? super R> callback;

        TranslatingCallback(CommandCallback<? super C, ? super R> callback) {
            this.callback = callback;
        }

        @Override
        public void onResult(CommandMessage<? extends C> command, CommandResultMessage<? extends R> result) {
            if (!result.isExceptional()) {
                callback.onResult(command, result);
                return;
            }
            Throwable failure = result.exceptionResult();
            Throwable translated = translation.apply(failure);
            if (translated == failure) {
                callback.onResult(command, result);
                return;
            }
            CommandResultMessage<R> translatedResult = GenericCommandResultMessage.<R>asCommandResultMessage(translated)
                    .withMetaData(result.getMetaData());
            callback.onResult(command, translatedResult);
        }
    }
}
