package io.baseplane.saga.tenant;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
import io.baseplane.saga.journal.SagaJournal;
import io.baseplane.saga.notification.Notification;
import io.baseplane.saga.notification.Notifier;
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
 * Onboards a new tenant: reserve a slot for its default workspace (the WorkspaceProvisioning saga then
 * creates it and makes the owner its OWNER), welcome the owner, make the tenant ACTIVE.
 *
 * <p>Where it cannot finish, what was done is undone and the tenant ends ONBOARDING_FAILED. A failed
 * provisioning undoes itself (the provisioning saga discards the workspace and releases the slot); a failed
 * welcome comes after provisioning ended, so this saga discards the workspace and releases the slot itself.
 * Either way the released slot is the signal to mark the onboarding failed.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public class TenantOnboardingSaga {

    static final String SAGA_TYPE = "TenantOnboarding";
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
    private transient CommandGateway commandGateway;
    @Autowired
    @JsonIgnore
    private transient Notifier notifier;
    @Autowired
    @JsonIgnore
    private transient SagaJournal journal;

    private TenantId tenantId;
    private String tenantName;
    private UserId owner;
    private WorkspaceId workspaceId;
    /** Set once the welcome failed: the discard and the release that follow are this saga's own undo. */
    private boolean undoingWelcome;

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
        commandGateway.send(new ReserveWorkspaceSlotCommand(tenantId, workspaceId, DefaultWorkspace.NAME,
                DefaultWorkspace.DESCRIPTION, owner)).whenComplete((result, failure) -> {
            if (failure != null) {
                // Nothing was reserved, so nothing to undo but the onboarding itself.
                String reason = FailureReason.of(PROVISION, failure);
                journal().failed(PROVISION, reason);
                markFailed(reason);
            }
        });
    }

    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(MemberAdded event) {
        if (!owner.equals(event.userId()) || event.role() != WorkspaceRole.OWNER) {
            return;
        }
        journal().succeeded(PROVISION);
        journal().started(WELCOME);
        try {
            notifier.notify(new Notification(tenantId, owner.value(), WELCOME_TOPIC, "Welcome to Baseplane! "
                    + tenantName + " is ready, with the workspace '" + DefaultWorkspace.NAME + "' to start in."));
        } catch (RuntimeException e) {
            String reason = FailureReason.of(WELCOME, e);
            journal().failed(WELCOME, reason);
            journal().compensating(DISCARD, reason);
            undoingWelcome = true;
            sendCompensation(new DiscardWorkspaceCommand(workspaceId, reason), DISCARD);
            return;
        }
        journal().succeeded(WELCOME);
        journal().started(ACTIVATE);
        commandGateway.send(new CompleteTenantOnboardingCommand(tenantId, workspaceId))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        // The tenant works while ONBOARDING; an operator sees this entry and can reactivate it.
                        journal().failed(ACTIVATE, FailureReason.of(ACTIVATE, failure));
                        log.error("Tenant {} could not be made active", tenantId, FailureReason.unwrap(failure));
                    }
                });
    }

    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(WorkspaceDiscarded event) {
        // A discard by the provisioning saga is its own undo, and it releases the slot itself.
        if (!undoingWelcome) {
            return;
        }
        journal().compensated(DISCARD);
        journal().compensating(RELEASE_SLOT, event.reason());
        sendCompensation(new ReleaseWorkspaceSlotCommand(tenantId, workspaceId, event.reason()), RELEASE_SLOT);
    }

    @SagaEventHandler(associationProperty = "workspaceId")
    public void on(WorkspaceSlotReleased event) {
        if (undoingWelcome) {
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

    private void markFailed(String reason) {
        journal().compensating(MARK_FAILED, reason);
        sendCompensation(new FailTenantOnboardingCommand(tenantId, reason), MARK_FAILED);
    }

    /** A compensation that fails leaves the saga waiting, visible to operators in the journal. */
    private void sendCompensation(Object command, String step) {
        commandGateway.send(command).whenComplete((result, failure) -> {
            if (failure != null) {
                journal().compensationFailed(step, FailureReason.of(step, failure));
                log.error("Compensation {} of tenant {}'s onboarding failed; saga left active",
                        command.getClass().getSimpleName(), tenantId, FailureReason.unwrap(failure));
            }
        });
    }

    private SagaJournal.Of journal() {
        return journal.of(SAGA_TYPE, tenantId, tenantId);
    }
}
