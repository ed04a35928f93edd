package io.baseplane.saga.tenant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.CompleteTenantOnboardingCommand;
import io.baseplane.kernel.tenant.FailTenantOnboardingCommand;
import io.baseplane.kernel.tenant.ReleaseWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.ReserveWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.TenantCreated;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantOnboardingCompleted;
import io.baseplane.kernel.tenant.TenantOnboardingFailed;
import io.baseplane.kernel.tenant.WorkspaceSlotReleased;
import io.baseplane.kernel.workspace.DiscardWorkspaceCommand;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.saga.common.FailureReason;
import io.baseplane.saga.common.SupervisedSaga;
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
 * Onboards a new tenant: reserve a slot for its default workspace (the WorkspaceProvisioning saga then
 * creates it with the owner as its OWNER), welcome the owner, make the tenant ACTIVE.
 *
 * <p>A refused reservation ends the onboarding ONBOARDING_FAILED; a provisioning that was refused undoes itself
 * (the provisioning saga releases the slot), and the released slot is the signal to mark the onboarding failed.
 * A technical failure (the welcome's outbox, the database) is retried and then parked by {@link SupervisedSaga},
 * never compensated. An operator's abort discards the default workspace, releases its slot and marks the
 * onboarding failed, each step only where there is something to undo.
 */
@Saga
public class TenantOnboardingSaga extends SupervisedSaga {

    public static final String SAGA_TYPE = "TenantOnboarding";
    static final String WELCOME_TOPIC = "tenant.welcome";
    static final String PROVISION = "provision default workspace";
    static final String WELCOME = "welcome owner";
    static final String ACTIVATE = "activate tenant";
    static final String DISCARD = "discard default workspace";
    static final String RELEASE_SLOT = "release slot";
    static final String MARK_FAILED = "mark onboarding failed";

    private static final Logger log = LoggerFactory.getLogger(TenantOnboardingSaga.class);

    @Autowired
    @JsonIgnore
    private transient Notifier notifier;

    private TenantId tenantId;
    private String tenantName;
    private UserId owner;
    private WorkspaceId workspaceId;
    /** Set once an operator aborted: the discard and the release that follow are this saga's own undo. */
    private boolean undoing;

    @StartSaga
    @SagaEventHandler(associationProperty = "tenantId")
    public void on(TenantCreated event) {
        tenantId = event.tenantId();
        tenantName = event.name();
        owner = event.owner();
        if (owner == null) {
            // Only tenants from before onboarding existed lack an owner; they are active already.
            SagaLifecycle.end();
            return;
        }
        workspaceId = DefaultWorkspace.idOf(tenantId);
        SagaLifecycle.associateWith("workspaceId", workspaceId.toString());
        journal().started(PROVISION);
        Throwable refusal = refusalOf(new ReserveWorkspaceSlotCommand(tenantId, workspaceId, DefaultWorkspace.NAME,
                DefaultWorkspace.DESCRIPTION, owner));
        if (refusal != null) {
            // Nothing was reserved, so nothing to undo but the onboarding itself.
            String reason = FailureReason.of(PROVISION, refusal);
            journal().failed(PROVISION, reason);
            markFailed(reason);
        }
    }

    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(MemberAdded event) {
        if (!owner.equals(event.userId()) || event.role() != WorkspaceRole.OWNER) {
            return;
        }
        journal().succeeded(PROVISION);
        journal().started(WELCOME);
        notifier.notify(new Notification(tenantId, owner.value(), WELCOME_TOPIC, "Welcome to Baseplane! "
                + tenantName + " is ready, with the workspace '" + DefaultWorkspace.NAME + "' to start in."));
        journal().succeeded(WELCOME);
        journal().started(ACTIVATE);
        Throwable refusal = refusalOf(new CompleteTenantOnboardingCommand(tenantId, workspaceId));
        if (refusal != null) {
            // The tenant works while ONBOARDING; an operator sees this entry and can reactivate or abort it.
            journal().failed(ACTIVATE, FailureReason.of(ACTIVATE, refusal));
            log.error("Tenant {} could not be made active: {}", tenantId, refusal.getMessage());
        }
    }

    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(WorkspaceDiscarded event) {
        // A discard by the provisioning saga is its own undo, and it releases the slot itself.
        if (!undoing) {
            return;
        }
        journal().compensated(DISCARD);
        releaseSlot(event.reason());
    }

    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(WorkspaceSlotReleased event) {
        if (undoing) {
            journal().compensated(RELEASE_SLOT);
        } else {
            journal().failed(PROVISION, event.reason());
        }
        markFailed(event.reason());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "tenantId")
    public void on(TenantOnboardingCompleted event) {
        journal().succeeded(ACTIVATE);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "tenantId")
    public void on(TenantOnboardingFailed event) {
        journal().compensated(MARK_FAILED);
        log.info("Onboarding of tenant {} failed and was rolled back: {}", tenantId, event.reason());
    }

    @Override
    protected void learnFrom(Object unhandledPayload) {
        if (tenantId == null && unhandledPayload instanceof TenantCreated created) {
            tenantId = created.tenantId();
            tenantName = created.name();
            owner = created.owner();
            workspaceId = owner == null ? null : DefaultWorkspace.idOf(tenantId);
        }
    }

    /** Each undo that finds nothing to undo (refused) passes on to the next, down to marking the onboarding failed. */
    @Override
    protected void abort(String reason) {
        if (workspaceId == null) {
            // Its very first event failed and was dropped, or the tenant needs no onboarding: nothing to undo.
            SagaLifecycle.end();
            return;
        }
        undoing = true;
        journal().compensating(DISCARD, reason);
        if (refusalOf(new DiscardWorkspaceCommand(workspaceId, reason)) != null) {
            journal().compensated(DISCARD);
            releaseSlot(reason);
        }
    }

    private void releaseSlot(String reason) {
        journal().compensating(RELEASE_SLOT, reason);
        if (refusalOf(new ReleaseWorkspaceSlotCommand(tenantId, workspaceId, reason)) != null) {
            journal().compensated(RELEASE_SLOT);
            markFailed(reason);
        }
    }

    private void markFailed(String reason) {
        journal().compensating(MARK_FAILED, reason);
        Throwable refusal = refusalOf(new FailTenantOnboardingCommand(tenantId, reason));
        if (refusal != null) {
            // A compensation that is refused leaves the saga waiting, visible to operators in the journal.
            journal().compensationFailed(MARK_FAILED, FailureReason.of(MARK_FAILED, refusal));
            log.error("Marking tenant {}'s onboarding failed was refused; saga left active: {}",
                    tenantId, refusal.getMessage());
        }
    }

    @Override
    protected String sagaType() {
        return SAGA_TYPE;
    }

    @Override
    protected Object sagaKey() {
        return tenantId;
    }

    @Override
    protected TenantId tenant() {
        return tenantId;
    }
}
