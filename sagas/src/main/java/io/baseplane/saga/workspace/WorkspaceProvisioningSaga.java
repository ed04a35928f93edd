package io.baseplane.saga.workspace;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.baseplane.kernel.common.DomainException;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.ReleaseWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.WorkspaceSlotReleased;
import io.baseplane.kernel.tenant.WorkspaceSlotReserved;
import io.baseplane.kernel.workspace.AddMemberCommand;
import io.baseplane.kernel.workspace.CreateWorkspaceCommand;
import io.baseplane.kernel.workspace.DiscardWorkspaceCommand;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.saga.common.FailureReason;
import io.baseplane.saga.journal.SagaJournal;
import io.baseplane.saga.notification.Notification;
import io.baseplane.saga.notification.Notifier;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Provisions a workspace once the tenant has reserved a slot for it: create the workspace, make the requester
 * its owner, tell them it is ready. A failed step is compensated backwards — a workspace that exists is
 * discarded, and its {@link WorkspaceDiscarded} in turn releases the slot — so the tenant's quota never
 * stays spent on a workspace nobody can use.
 *
 * <p>Commands go out with the non-blocking {@code send}: the event processor's thread is not held while
 * another aggregate works, and the compensation is chained to the failure of the returned future.
 *
 * <p>Each step transition goes to the {@link SagaJournal}. On the local command bus a command runs on the
 * sending thread, so a failure's entries are written in the handler's unit of work as well.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
// A field dropped in a later version must not make stored instances of running sagas unreadable.
@JsonIgnoreProperties(ignoreUnknown = true)
public class WorkspaceProvisioningSaga {

    static final String READY_TOPIC = "workspace.ready";
    static final String SAGA_TYPE = "WorkspaceProvisioning";
    static final String RESERVE_SLOT = "reserve slot";
    static final String CREATE = "create workspace";
    static final String ADD_OWNER = "add owner";
    static final String NOTIFY = "notify requester";
    static final String DISCARD = "discard workspace";
    static final String RELEASE_SLOT = "release slot";

    private static final Logger log = LoggerFactory.getLogger(WorkspaceProvisioningSaga.class);

    // Collaborators are injected anew each time the saga is loaded; they are not state and cannot be serialised.
    @Autowired
    @JsonIgnore
    private transient CommandGateway commandGateway;
    @Autowired
    @JsonIgnore
    private transient Notifier notifier;
    @Autowired
    @JsonIgnore
    private transient SagaJournal journal;

    private TenantId tenantId;
    private WorkspaceId workspaceId;
    private String workspaceName;
    private UserId requestedBy;

    @StartSaga
    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(WorkspaceSlotReserved event) {
        tenantId = event.tenantId();
        workspaceId = event.workspaceId();
        workspaceName = event.workspaceName();
        requestedBy = event.requestedBy();
        journal().succeeded(RESERVE_SLOT);
        // Nothing exists yet but the reservation, so a failed create only needs the slot back.
        sendOrCompensate(new CreateWorkspaceCommand(workspaceId, tenantId, workspaceName, event.description()),
                CREATE, RELEASE_SLOT, this::releaseSlot);
    }

    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(WorkspaceCreated event) {
        // The aggregate owns the name rules (it strips it); notify with the name it actually stored.
        workspaceName = event.name();
        journal().succeeded(CREATE);
        // No expected version: the saga does not read the workspace, it only adds to what it just created.
        sendOrCompensate(new AddMemberCommand(workspaceId, requestedBy, WorkspaceRole.OWNER, null),
                ADD_OWNER, DISCARD, this::discardWorkspace);
    }

    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(MemberAdded event) {
        // Members added by others while provisioning runs are not this saga's step; only the requester as owner is.
        if (!requestedBy.equals(event.userId()) || event.role() != WorkspaceRole.OWNER) {
            return;
        }
        journal().succeeded(ADD_OWNER);
        journal().started(NOTIFY);
        try {
            notifier.notify(new Notification(tenantId, requestedBy.value(), READY_TOPIC,
                    "Workspace '" + workspaceName + "' is ready."));
        } catch (RuntimeException e) {
            // Stay active: the discard's event comes back here to release the slot, and that ends the saga.
            String reason = reasonFor(NOTIFY, e);
            journal().failed(NOTIFY, reason);
            journal().compensating(DISCARD, reason);
            discardWorkspace(reason);
            return;
        }
        journal().succeeded(NOTIFY);
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(WorkspaceDiscarded event) {
        // The discard's reason already says which step failed; the tenant's record of the release keeps it.
        String reason = event.reason() == null || event.reason().isBlank() ? "workspace discarded" : event.reason();
        journal().compensated(DISCARD);
        journal().compensating(RELEASE_SLOT, reason);
        releaseSlot(reason);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(WorkspaceSlotReleased event) {
        journal().compensated(RELEASE_SLOT);
        log.info("Provisioning of workspace {} in tenant {} rolled back: {}", workspaceId, tenantId, event.reason());
    }

    /**
     * Sends a step's command and hands the failure reason to the compensation if it fails. The callback may
     * run on another thread after this handler returned, so it only reads fields fixed when the saga started
     * and does nothing that needs the saga's lifecycle.
     */
    private void sendOrCompensate(Object command, String step, String compensationStep, Consumer<String> compensation) {
        journal().started(step);
        commandGateway.send(command).whenComplete((result, failure) -> {
            if (failure != null) {
                String reason = reasonFor(step, failure);
                journal().failed(step, reason);
                journal().compensating(compensationStep, reason);
                compensation.accept(reason);
            }
        });
    }

    private void discardWorkspace(String reason) {
        sendCompensation(new DiscardWorkspaceCommand(workspaceId, reason), DISCARD);
    }

    private void releaseSlot(String reason) {
        sendCompensation(new ReleaseWorkspaceSlotCommand(tenantId, workspaceId, reason), RELEASE_SLOT);
    }

    /** A compensation that fails leaves the saga waiting, visible to operators; there is nothing safer to undo. */
    private void sendCompensation(Object command, String step) {
        commandGateway.send(command).whenComplete((result, failure) -> {
            if (failure != null) {
                journal().compensationFailed(step, FailureReason.of(step, failure));
                log.error("Compensation {} for workspace {} in tenant {} failed; saga left active",
                        command.getClass().getSimpleName(), workspaceId, tenantId, FailureReason.unwrap(failure));
            }
        });
    }

    private SagaJournal.Of journal() {
        return journal.of(SAGA_TYPE, workspaceId, tenantId);
    }

    /** Domain refusals are expected and explained by the reason; anything else also needs its stack trace. */
    private String reasonFor(String step, Throwable failure) {
        String reason = FailureReason.of(step, failure);
        if (!(FailureReason.unwrap(failure) instanceof DomainException)) {
            log.warn("Provisioning of workspace {} in tenant {}: {}", workspaceId, tenantId, reason,
                    FailureReason.unwrap(failure));
        }
        return reason;
    }
}
