package io.baseplane.command.api;

import io.baseplane.kernel.common.CurrentCaller;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/** Sends a command on behalf of the current caller and reports the version it left the aggregate at. */
@Component
public class CommandSender {

    private final CommandGateway commandGateway;
    private final CurrentCaller currentCaller;

    CommandSender(CommandGateway commandGateway, CurrentCaller currentCaller) {
        this.commandGateway = commandGateway;
        this.currentCaller = currentCaller;
    }

    /** For a command that creates an aggregate: creation applies exactly one event, version 0. */
    public CommandResult create(Object aggregateId, Object command) {
        commandGateway.sendAndWait(message(command));
        return new CommandResult(aggregateId.toString(), 0);
    }

    /** For a command to an existing aggregate; {@link AggregateVersionReporting} supplies the version. */
    public CommandResult send(Object aggregateId, Object command) {
        Object version = commandGateway.sendAndWait(message(command));
        if (!(version instanceof Long v)) {
            throw new IllegalStateException("command handler for " + command.getClass().getSimpleName()
                    + " reported no aggregate version");
        }
        return new CommandResult(aggregateId.toString(), v);
    }

    /** The command with the caller's metadata and, within a request, the request's correlation id as its id. */
    private CommandMessage<Object> message(Object command) {
        MetaData metaData = currentCaller.metaData();
        return RequestCorrelation.current()
                .<CommandMessage<Object>>map(id -> new GenericCommandMessage<>(
                        new GenericMessage<>(id, command, metaData), command.getClass().getName()))
                .orElseGet(() -> GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
