package io.baseplane.command.api;

import io.baseplane.kernel.common.CurrentCaller;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(currentCaller.metaData()));
        return new CommandResult(aggregateId.toString(), 0);
    }

    /** For a command to an existing aggregate; {@link AggregateVersionReporting} supplies the version. */
    public CommandResult send(Object aggregateId, Object command) {
        Object version = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(currentCaller.metaData()));
        if (!(version instanceof Long v)) {
            throw new IllegalStateException("command handler for " + command.getClass().getSimpleName()
                    + " reported no aggregate version");
        }
        return new CommandResult(aggregateId.toString(), v);
    }
}
