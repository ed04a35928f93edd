package io.baseplane.saga.workflow.trigger;

import io.baseplane.kernel.common.DomainException;
import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.RequestWorkflowRunCommand;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.saga.common.FailureReason;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests a run on behalf of a trigger (an event, the clock). The run belongs to the workflow's tenant,
 * whoever's action caused the trigger. A refusal (workflow disabled, workspace archived, tenant suspended)
 * is logged and reported as {@code false}; any other failure is thrown, so the caller's work is retried.
 */
final class RunRequests {

    private static final Logger log = LoggerFactory.getLogger(RunRequests.class);

    private final CommandGateway commandGateway;

    RunRequests(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    boolean request(WorkflowId workflowId, WorkflowRunId runId, TenantId tenantId, Map<String, String> input,
                    String cause) {
        var command = GenericCommandMessage.asCommandMessage(new RequestWorkflowRunCommand(workflowId, runId, input))
                .andMetaData(Map.of(MetaDataKeys.TENANT_ID, tenantId.toString()));
        try {
            commandGateway.sendAndWait(command);
        } catch (RuntimeException e) {
            if (!(FailureReason.unwrap(e) instanceof DomainException)) {
                throw e;
            }
            log.warn("{} did not start workflow {}: {}", cause, workflowId, FailureReason.of("request run", e));
            return false;
        }
        log.info("{} requested run {} of workflow {}", cause, runId, workflowId);
        return true;
    }
}
