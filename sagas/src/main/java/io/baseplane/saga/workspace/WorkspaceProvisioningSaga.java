package io.baseplane.saga.workspace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.ReleaseWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.WorkspaceSlotReleased;
import io.baseplane.kernel.tenant.WorkspaceSlotReserved;
import io.baseplane.kernel.workspace.CreateWorkspaceCommand;
import io.baseplane.kernel.workspace.DiscardWorkspaceCommand;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.saga.common.FailureReason;
import io.baseplane.saga.common.SupervisedSaga;
import io.baseplane.saga.journal.SagaJournal;
import io.baseplane.saga.notification.Notification;
import io.baseplane.saga.notification.Notifier;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Provisions a workspace once the tenant has reserved a slot for it: create the workspace with the requester as
 * its owner (one command, so the workspace never takes commands without an owner), then tell them it is ready.
 *
 * <p>A refusal is compensated backwards: a refused create gives the slot back; an operator's abort discards the
 * workspace, whose {@link WorkspaceDiscarded} in turn releases the slot, so the tenant's quota never stays spent
 * on a workspace nobody can use. A technical failure (the database, a concurrent change, the notification
 * outbox) is retried and then parked by {@link SupervisedSaga}: it never throws away a workspace whose members
 * or details were already changed by requests answered 2xx.
 *
 * <p>Each step transition goes to the {@link SagaJournal}.
 */
@Saga
public class WorkspaceProvisioningSaga extends SupervisedSaga {

    static final String READY_TOPIC = "workspace.ready";
    public static final String SAGA_TYPE = "WorkspaceProvisioning";
    static final String RESERVE_SLOT = "reserve slot";
    static final String CREATE = "create workspace";
    static final String NOTIFY = "notify requester";
    static final String DISCARD = "discard workspace";
    static final String RELEASE_SLOT = "release slot";

    private static final Logger log = LoggerFactory.getLogger(WorkspaceProvisioningSaga.class);

    @Autowired
    @JsonIgnore
    private transient Notifier notifier;

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
        journal().started(CREATE);
        Throwable refusal = refusalOf(
                new CreateWorkspaceCommand(workspaceId, tenantId, workspaceName, event.description(), requestedBy));
        if (refusal != null) {
            // Nothing exists yet but the reservation, so a refused create only needs the slot back.
            String reason = FailureReason.of(CREATE, refusal);
            journal().failed(CREATE, reason);
            journal().compensating(RELEASE_SLOT, reason);
            releaseSlot(reason);
        }
    }

    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(WorkspaceCreated event) {
        // The aggregate owns the name rules (it strips it); notify with the name it actually stored.
        workspaceName = event.name();
    }

    /** The workspace is created with its owner in one command; this is its second event. */
    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(MemberAdded event) {
        // Members added by others after the creation are not this saga's step; only the requester as owner is.
        if (!requestedBy.equals(event.userId()) || event.role() != WorkspaceRole.OWNER) {
            return;
        }
        journal().succeeded(CREATE);
        journal().started(NOTIFY);
        notifier.notify(new Notification(tenantId, requestedBy.value(), READY_TOPIC,
                "Workspace '" + workspaceName + "' is ready."));
        journal().succeeded(NOTIFY);
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(WorkspaceDiscarded event) {
        // The discard's reason already says why; the tenant's record of the release keeps it.
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

    @Override
    protected void learnFrom(Object unhandledPayload) {
        if (workspaceId == null && unhandledPayload instanceof WorkspaceSlotReserved reserved) {
            tenantId = reserved.tenantId();
            workspaceId = reserved.workspaceId();
            workspaceName = reserved.workspaceName();
            requestedBy = reserved.requestedBy();
        }
    }

    /**
     * Discards the workspace if it exists (its discard then releases the slot), else releases the slot at once.
     * The saga may not know whether the create went through (its handler may be the one that failed), so it
     * asks the workspace.
     */
    @Override
    protected void abort(String reason) {
        if (workspaceId == null) {
            // Its very first event failed and was dropped: this saga did nothing that it could undo.
            SagaLifecycle.end();
            return;
        }
        journal().compensating(DISCARD, reason);
        if (refusalOf(new DiscardWorkspaceCommand(workspaceId, reason)) != null) {
            journal().compensated(DISCARD);
            journal().compensating(RELEASE_SLOT, reason);
            releaseSlot(reason);
        }
    }

    /** A refused release leaves the saga waiting, visible to operators; there is nothing safer to undo. */
    private void releaseSlot(String reason) {
        Throwable refusal = refusalOf(new ReleaseWorkspaceSlotCommand(tenantId, workspaceId, reason));
        if (refusal != null) {
            journal().compensationFailed(RELEASE_SLOT, FailureReason.of(RELEASE_SLOT, refusal));
            log.error("Releasing the slot of workspace {} in tenant {} was refused; saga left active: {}",
                    workspaceId, tenantId, refusal.getMessage());
        }
    }

    @Override
    protected String sagaType() {
        return SAGA_TYPE;
    }

    @Override
    protected Object sagaKey() {
        return workspaceId;
    }

    @Override
    protected TenantId tenant() {
        return tenantId;
    }
}
