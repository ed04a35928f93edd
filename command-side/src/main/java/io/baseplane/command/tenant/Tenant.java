package io.baseplane.command.tenant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.baseplane.command.workspace.AggregateIdentifiers;
import io.baseplane.command.workspace.WorkspaceMemberCounts;
import io.baseplane.command.workspace.WorkspaceNames;
import io.baseplane.command.workspace.WorkspaceRefusals;
import io.baseplane.kernel.common.Caller;
import io.baseplane.kernel.common.Ids;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.common.Text;
import io.baseplane.kernel.tenant.ChangeTenantPlanCommand;
import io.baseplane.kernel.tenant.CompleteTenantOnboardingCommand;
import io.baseplane.kernel.tenant.CreateTenantCommand;
import io.baseplane.kernel.tenant.FailTenantOnboardingCommand;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.ReactivateTenantCommand;
import io.baseplane.kernel.tenant.ReleaseWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.ReserveWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.SuspendTenantCommand;
import io.baseplane.kernel.tenant.TenantCreated;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantOnboardingCompleted;
import io.baseplane.kernel.tenant.TenantOnboardingFailed;
import io.baseplane.kernel.tenant.TenantPlanChanged;
import io.baseplane.kernel.tenant.TenantReactivated;
import io.baseplane.kernel.tenant.TenantStatus;
import io.baseplane.kernel.tenant.TenantSuspended;
import io.baseplane.kernel.tenant.WorkspaceSlotReleased;
import io.baseplane.kernel.tenant.WorkspaceSlotReserved;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An organisation. It owns the plan's quotas: the workspace slots are counted here, so two concurrent
 * provisionings cannot both take the last slot (the aggregate's version check serialises them).
 *
 * <p>Fields are read by Jackson directly because the aggregate is snapshotted with the JacksonSerializer.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Tenant {

    static final int NAME_MAX = 100;
    static final int REASON_MAX = 500;
    static final int WORKSPACE_NAME_MAX = 100;
    static final int WORKSPACE_DESCRIPTION_MAX = 1000;

    @AggregateIdentifier
    private TenantId tenantId;
    private Plan plan;
    private TenantStatus status;
    /** How onboarding ended, kept apart from the status because a suspension may come first. */
    private Onboarding onboarding;
    /** Workspaces holding a slot, whether still being provisioned or created; discarded ones are released. */
    private HashSet<WorkspaceId> reservedWorkspaces = new HashSet<>();

    /** For Axon, which rebuilds the aggregate from its events, and for Jackson snapshots. */
    protected Tenant() {
    }

    @CommandHandler
    public Tenant(CreateTenantCommand command, MetaData metaData) {
        TenantId id = Ids.requireNonNull("tenantId", command.tenantId());
        // A caller bound to one tenant must not conjure up another.
        Caller.from(metaData).requireAccessTo(id, "tenant", id);
        String name = Text.requireName("name", command.name(), NAME_MAX);
        Plan chosenPlan = Ids.requireNonNull("plan", command.plan());
        apply(new TenantCreated(id, name, chosenPlan, ownerOf(command, metaData)));
    }

    /** The named owner, else the calling user; the default workspace cannot be set up without one. */
    private static UserId ownerOf(CreateTenantCommand command, MetaData metaData) {
        if (command.owner() != null) {
            return command.owner();
        }
        Object caller = metaData.get(MetaDataKeys.USER_ID);
        if (caller == null || caller.toString().isBlank()) {
            throw new InvalidValueException("owner", "is required when the caller is not a user");
        }
        return UserId.of(caller.toString());
    }

    @CommandHandler
    public void handle(CompleteTenantOnboardingCommand command, MetaData metaData) {
        requireAccess(metaData);
        if (onboarding == Onboarding.COMPLETED) {
            return;
        }
        requireOnboarding();
        apply(new TenantOnboardingCompleted(tenantId, Ids.requireNonNull("defaultWorkspaceId", command.defaultWorkspaceId())));
    }

    @CommandHandler
    public void handle(FailTenantOnboardingCommand command, MetaData metaData) {
        requireAccess(metaData);
        String reason = Text.optionalText("reason", command.reason(), REASON_MAX);
        if (onboarding == Onboarding.FAILED) {
            return;
        }
        requireOnboarding();
        apply(new TenantOnboardingFailed(tenantId, reason));
    }

    private void requireOnboarding() {
        if (onboarding != Onboarding.IN_PROGRESS) {
            throw new RuleViolationException("tenant.onboarding-finished",
                    "Tenant " + tenantId + " is not onboarding" + (onboarding == null ? "" : "; its onboarding " + onboarding));
        }
    }

    @CommandHandler
    public void handle(ChangeTenantPlanCommand command, MetaData metaData, WorkspaceMemberCounts memberCounts) {
        requireAccess(metaData);
        Plan newPlan = Ids.requireNonNull("plan", command.plan());
        if (newPlan == plan) {
            return;
        }
        // Checked on every change, not only on "downgrades": an upgrade can never fail these.
        if (reservedWorkspaces.size() > newPlan.maxWorkspaces()) {
            throw new RuleViolationException("tenant.plan-downgrade-workspaces",
                    "Plan " + newPlan + " allows " + newPlan.maxWorkspaces() + " workspaces; tenant has "
                            + reservedWorkspaces.size() + ". Remove workspaces before changing the plan");
        }
        int largest = memberCounts.largestMemberCount(tenantId);
        if (largest > newPlan.maxMembersPerWorkspace()) {
            throw new RuleViolationException("tenant.plan-downgrade-members",
                    "Plan " + newPlan + " allows " + newPlan.maxMembersPerWorkspace()
                            + " members per workspace; the tenant's largest workspace has " + largest
                            + ". Remove members before changing the plan");
        }
        apply(new TenantPlanChanged(tenantId, plan, newPlan));
    }

    @CommandHandler
    public void handle(SuspendTenantCommand command, MetaData metaData) {
        requireAccess(metaData);
        String reason = Text.optionalText("reason", command.reason(), REASON_MAX);
        if (status == TenantStatus.SUSPENDED) {
            throw new RuleViolationException("tenant.already-suspended",
                    "Tenant " + tenantId + " is already suspended");
        }
        apply(new TenantSuspended(tenantId, reason));
    }

    @CommandHandler
    public void handle(ReactivateTenantCommand command, MetaData metaData) {
        requireAccess(metaData);
        String reason = Text.optionalText("reason", command.reason(), REASON_MAX);
        // An operator may also let a tenant in whose onboarding failed; it then works without a default workspace.
        if (status != TenantStatus.SUSPENDED && status != TenantStatus.ONBOARDING_FAILED) {
            throw new RuleViolationException("tenant.not-suspended", "Tenant " + tenantId + " is not suspended");
        }
        apply(new TenantReactivated(tenantId, reason));
    }

    @CommandHandler
    public void handle(ReserveWorkspaceSlotCommand command, MetaData metaData, WorkspaceNames workspaceNames,
                       AggregateIdentifiers aggregateIdentifiers) {
        requireAccess(metaData);
        WorkspaceId workspaceId = Ids.requireNonNull("workspaceId", command.workspaceId());
        String name = Text.requireName("name", command.workspaceName(), WORKSPACE_NAME_MAX);
        String description = Text.optionalText("description", command.description(), WORKSPACE_DESCRIPTION_MAX);
        requireAcceptingWork();
        if (reservedWorkspaces.contains(workspaceId)) {
            throw new RuleViolationException("tenant.workspace-already-reserved",
                    "Workspace " + workspaceId + " already holds a slot of tenant " + tenantId);
        }
        // The id may be the client's choice. One that any aggregate already uses (this tenant, a workflow,
        // another tenant's workspace) is refused now, while the caller waits, not later in the saga. Checked
        // after the reservation above, so a repeated request for this tenant's own workspace is told that.
        if (aggregateIdentifiers.exists(workspaceId.toString())) {
            throw WorkspaceRefusals.idTaken(workspaceId);
        }
        if (reservedWorkspaces.size() >= plan.maxWorkspaces()) {
            throw new RuleViolationException("tenant.workspace-quota",
                    "Plan " + plan + " allows " + plan.maxWorkspaces() + " workspaces; tenant already has "
                            + reservedWorkspaces.size());
        }
        // Early check so the caller gets a quick 409; the name claim table is the final guard at creation.
        if (workspaceNames.isTaken(tenantId, name)) {
            throw new RuleViolationException("workspace.name-taken",
                    "A workspace named '" + name + "' already exists in this tenant");
        }
        apply(new WorkspaceSlotReserved(tenantId, workspaceId, name, description, command.requestedBy()));
    }

    @CommandHandler
    public void handle(ReleaseWorkspaceSlotCommand command, MetaData metaData) {
        requireAccess(metaData);
        String reason = Text.optionalText("reason", command.reason(), REASON_MAX);
        // A compensation may be retried; releasing a slot that is not held is simply done already.
        if (!reservedWorkspaces.contains(command.workspaceId())) {
            return;
        }
        apply(new WorkspaceSlotReleased(tenantId, command.workspaceId(), reason));
    }

    private void requireAccess(MetaData metaData) {
        Caller.from(metaData).requireAccessTo(tenantId, "tenant", tenantId);
    }

    private void requireAcceptingWork() {
        if (!status.acceptsNewWork()) {
            throw TenantRefusals.noNewWork(tenantId, status);
        }
    }

    @EventSourcingHandler
    void on(TenantCreated event) {
        tenantId = event.tenantId();
        plan = event.plan();
        // Tenants created before onboarding existed carry no owner: they never onboard and are simply active.
        boolean onboards = event.owner() != null;
        status = onboards ? TenantStatus.ONBOARDING : TenantStatus.ACTIVE;
        onboarding = onboards ? Onboarding.IN_PROGRESS : null;
    }

    @EventSourcingHandler
    void on(TenantOnboardingCompleted event) {
        onboarding = Onboarding.COMPLETED;
        if (status == TenantStatus.ONBOARDING) {
            status = TenantStatus.ACTIVE;
        }
    }

    @EventSourcingHandler
    void on(TenantOnboardingFailed event) {
        onboarding = Onboarding.FAILED;
        if (status == TenantStatus.ONBOARDING) {
            status = TenantStatus.ONBOARDING_FAILED;
        }
    }

    @EventSourcingHandler
    void on(TenantPlanChanged event) {
        plan = event.plan();
    }

    @EventSourcingHandler
    void on(TenantSuspended event) {
        status = TenantStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(TenantReactivated event) {
        status = TenantStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(WorkspaceSlotReserved event) {
        reservedWorkspaces.add(event.workspaceId());
    }

    @EventSourcingHandler
    void on(WorkspaceSlotReleased event) {
        reservedWorkspaces.remove(event.workspaceId());
    }

    /** Where onboarding stands; null for a tenant from before onboarding existed. */
    enum Onboarding {
        IN_PROGRESS,
        COMPLETED,
        FAILED
    }

    /** Read-only view for tests and diagnostics. */
    Set<WorkspaceId> reservedWorkspaces() {
        return Set.copyOf(reservedWorkspaces);
    }
}
