package io.baseplane.command.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateRoot;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

/**
 * Makes every command handler of an existing aggregate answer with the aggregate's version after the
 * command (including events it applied, or the unchanged version when it decided nothing changes).
 * Reading it inside the handler's unit of work makes it exact even when other commands follow at once,
 * which a look-up in the event store afterwards would not be. Handlers keep returning nothing.
 */
@Component
public class AggregateVersionReporting implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean aggregateCommandHandler = original.canHandleMessageType(CommandMessage.class)
                && AnnotatedElementUtils.hasAnnotation(original.declaringClass(), AggregateRoot.class)
                && original.unwrap(Executable.class).filter(Constructor.class::isInstance).isEmpty();
        return aggregateCommandHandler ? new VersionReportingHandler<>(original) : original;
    }

    private static final class VersionReportingHandler<T> extends WrappedMessageHandlingMember<T> {

        VersionReportingHandler(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            Object result = super.handle(message, target);
            return result == null ? AggregateLifecycle.getVersion() : result;
        }
    }
}
