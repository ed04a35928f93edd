package io.baseplane.command.workspace;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.baseplane.command.tenant.TenantDirectory;
import io.baseplane.command.tenant.TenantRefusals;
import io.baseplane.command.tenant.TenantStanding;
import io.baseplane.kernel.common.Caller;
import io.baseplane.kernel.common.ForbiddenException;
import io.baseplane.kernel.common.Ids;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.common.Text;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.AddMemberCommand;
import io.baseplane.kernel.workspace.ArchiveWorkspaceCommand;
import io.baseplane.kernel.workspace.ChangeMemberRoleCommand;
import io.baseplane.kernel.workspace.CreateWorkspaceCommand;
import io.baseplane.kernel.workspace.DiscardWorkspaceCommand;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.MemberRemoved;
import io.baseplane.kernel.workspace.MemberRoleChanged;
import io.baseplane.kernel.workspace.RemoveMemberCommand;
import io.baseplane.kernel.workspace.UpdateWorkspaceDetailsCommand;
import io.baseplane.kernel.workspace.WorkspaceArchived;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDescriptionChanged;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRenamed;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.kernel.workspace.WorkspaceStatus;
import java.util.HashMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A tenant's workspace and its members. The tenant's plan and status come from the {@link TenantDirectory}
 * and name uniqueness from {@link WorkspaceNames}: both are lookup tables the command side keeps itself.
 *
 * <p>A discarded workspace stays in the event store but answers every command as "not found", like one
 * that never existed. It is not marked deleted, because Axon would then report its own exception instead.
 *
 * <p>Fields are read by Jackson directly because the aggregate is snapshotted with the JacksonSerializer.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Workspace {

    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 1000;
    static final int REASON_MAX = 500;

    @AggregateIdentifier
    private WorkspaceId workspaceId;
    private TenantId tenantId;
    private String name;
    private String description;
    private WorkspaceStatus status;
    private HashMap<UserId, WorkspaceRole> members = new HashMap<>();

    /** For Axon, which rebuilds the aggregate from its events, and for Jackson snapshots. */
    protected Workspace() {
    }

    /**
     * Creates the workspace together with its first owner, in one command: a workspace that took commands
     * before its owner was added could fill its member slots meanwhile and then never get an owner.
     */
    @CommandHandler
    public Workspace(CreateWorkspaceCommand command, MetaData metaData, TenantDirectory tenants,
                     WorkspaceNames workspaceNames, AggregateIdentifiers aggregateIdentifiers) {
        WorkspaceId id = Ids.requireNonNull("workspaceId", command.workspaceId());
        TenantId tenant = Ids.requireNonNull("tenantId", command.tenantId());
        // The tenant is the caller's choice here, so it is the thing a foreign caller must not see.
        Caller.from(metaData).requireAccessTo(tenant, "tenant", tenant);
        String validName = Text.requireName("name", command.name(), NAME_MAX);
        String validDescription = Text.optionalText("description", command.description(), DESCRIPTION_MAX);
        UserId owner = Ids.requireNonNull("owner", command.owner());
        requireAcceptingWork(tenant, standingOf(tenant, tenants));
        requireNameFree(tenant, validName, workspaceNames);
        // The tenant refused a taken id when it reserved the slot, but another aggregate may have taken it
        // since. Refused here, the saga can compensate; found only by the append, it fails at commit.
        if (aggregateIdentifiers.exists(id.toString())) {
            throw WorkspaceRefusals.idTaken(id);
        }
        // Every plan allows at least one member, so the owner needs no check against the member limit.
        apply(new WorkspaceCreated(id, tenant, validName, validDescription));
        apply(new MemberAdded(id, tenant, owner, WorkspaceRole.OWNER));
    }

    @CommandHandler
    public void handle(UpdateWorkspaceDetailsCommand command, MetaData metaData, WorkspaceNames workspaceNames) {
        requireVisibleTo(metaData);
        requireWorkspaceRole(metaData, WorkspaceRole.ADMIN, "change its details");
        if (command.name() == null && command.description() == null) {
            throw new InvalidValueException("name", "or description must be given");
        }
        String newName = command.name() == null ? null : Text.requireName("name", command.name(), NAME_MAX);
        String newDescription = command.description() == null
                ? null : Text.optionalText("description", command.description(), DESCRIPTION_MAX);
        requireNotArchived();
        boolean renames = newName != null && !newName.equals(name);
        boolean redescribes = newDescription != null && !newDescription.equals(description);
        // A change of case or normalisation only keeps this workspace's own claim, so it is never "taken".
        if (renames && !WorkspaceNames.key(newName).equals(WorkspaceNames.key(name))) {
            requireNameFree(tenantId, newName, workspaceNames);
        }
        if (renames) {
            apply(new WorkspaceRenamed(workspaceId, tenantId, name, newName));
        }
        if (redescribes) {
            apply(new WorkspaceDescriptionChanged(workspaceId, tenantId, newDescription));
        }
    }

    @CommandHandler
    public void handle(AddMemberCommand command, MetaData metaData, TenantDirectory tenants) {
        requireVisibleTo(metaData);
        UserId userId = Ids.requireNonNull("userId", command.userId());
        WorkspaceRole role = Ids.requireNonNull("role", command.role());
        // Only an owner makes another owner.
        requireWorkspaceRole(metaData, role == WorkspaceRole.OWNER ? WorkspaceRole.OWNER : WorkspaceRole.ADMIN,
                "add a member as " + role);
        requireNotArchived();
        TenantStanding standing = standingOf(tenantId, tenants);
        requireAcceptingWork(tenantId, standing);
        if (members.containsKey(userId)) {
            throw new RuleViolationException("workspace.duplicate-member",
                    "User " + userId + " is already a member of workspace " + workspaceId);
        }
        Plan plan = standing.plan();
        if (members.size() >= plan.maxMembersPerWorkspace()) {
            throw new RuleViolationException("workspace.member-limit",
                    "Plan " + plan + " allows " + plan.maxMembersPerWorkspace()
                            + " members per workspace; workspace already has " + members.size());
        }
        apply(new MemberAdded(workspaceId, tenantId, userId, role));
    }

    @CommandHandler
    public void handle(ChangeMemberRoleCommand command, MetaData metaData) {
        requireVisibleTo(metaData);
        UserId userId = Ids.requireNonNull("userId", command.userId());
        WorkspaceRole role = Ids.requireNonNull("role", command.role());
        requireNotArchived();
        WorkspaceRole previousRole = roleOf(userId);
        requireWorkspaceRole(metaData, previousRole == WorkspaceRole.OWNER || role == WorkspaceRole.OWNER
                ? WorkspaceRole.OWNER : WorkspaceRole.ADMIN, "change a member's role from " + previousRole + " to " + role);
        if (previousRole == role) {
            return;
        }
        requireNotLastOwner(userId, previousRole, "demoted");
        apply(new MemberRoleChanged(workspaceId, tenantId, userId, previousRole, role));
    }

    @CommandHandler
    public void handle(RemoveMemberCommand command, MetaData metaData) {
        requireVisibleTo(metaData);
        UserId userId = Ids.requireNonNull("userId", command.userId());
        requireNotArchived();
        WorkspaceRole previousRole = roleOf(userId);
        // Anyone may leave; removing others takes an admin, removing an owner takes an owner.
        if (!userId.value().equals(Caller.from(metaData).userId())) {
            requireWorkspaceRole(metaData, previousRole == WorkspaceRole.OWNER ? WorkspaceRole.OWNER : WorkspaceRole.ADMIN,
                    "remove a member who is " + previousRole);
        }
        requireNotLastOwner(userId, previousRole, "removed");
        apply(new MemberRemoved(workspaceId, tenantId, userId, previousRole));
    }

    @CommandHandler
    public void handle(ArchiveWorkspaceCommand command, MetaData metaData) {
        requireVisibleTo(metaData);
        requireWorkspaceRole(metaData, WorkspaceRole.OWNER, "archive it");
        requireNotArchived();
        apply(new WorkspaceArchived(workspaceId, tenantId));
    }

    @CommandHandler
    public void handle(DiscardWorkspaceCommand command, MetaData metaData) {
        Caller.from(metaData).requireAccessTo(tenantId, "workspace", workspaceId);
        String reason = Text.optionalText("reason", command.reason(), REASON_MAX);
        // The compensation may be delivered again; discarding twice is already done.
        if (status == WorkspaceStatus.DISCARDED) {
            return;
        }
        apply(new WorkspaceDiscarded(workspaceId, tenantId, name, reason));
    }

    /** Tenant isolation, and a discarded workspace looks exactly like one that never existed. */
    private void requireVisibleTo(MetaData metaData) {
        Caller.from(metaData).requireAccessTo(tenantId, "workspace", workspaceId);
        if (status == WorkspaceStatus.DISCARDED) {
            throw new NotFoundException("workspace", workspaceId);
        }
    }

    /**
     * A tenant member (not an admin) acts here only through its role in this workspace. Tenant admins,
     * operators and sagas continuing a permitted chain are not limited by workspace roles.
     */
    private void requireWorkspaceRole(MetaData metaData, WorkspaceRole needed, String action) {
        Caller caller = Caller.from(metaData);
        if (!caller.limitedToWorkspaceRoles()) {
            return;
        }
        WorkspaceRole held = members.get(new UserId(caller.userId()));
        if (held == null || !held.atLeast(needed)) {
            throw new ForbiddenException("workspace.role-required", "Only a workspace " + needed
                    + (needed == WorkspaceRole.OWNER ? "" : " or higher") + " may " + action + "; you are "
                    + (held == null ? "not a member of workspace " + workspaceId : held));
        }
    }

    private void requireNotArchived() {
        if (status == WorkspaceStatus.ARCHIVED) {
            throw new RuleViolationException("workspace.archived",
                    "Workspace " + workspaceId + " is archived and refuses changes");
        }
    }

    private WorkspaceRole roleOf(UserId userId) {
        WorkspaceRole role = members.get(userId);
        if (role == null) {
            throw new NotFoundException("member", userId);
        }
        return role;
    }

    private void requireNotLastOwner(UserId userId, WorkspaceRole currentRole, String change) {
        if (currentRole != WorkspaceRole.OWNER) {
            return;
        }
        long owners = members.values().stream().filter(WorkspaceRole.OWNER::equals).count();
        if (owners <= 1) {
            throw new RuleViolationException("workspace.last-owner",
                    "User " + userId + " is the last owner of workspace " + workspaceId + " and cannot be "
                            + change + "; make another member an owner first");
        }
    }

    private static TenantStanding standingOf(TenantId tenantId, TenantDirectory tenants) {
        return tenants.find(tenantId).orElseThrow(() -> new NotFoundException("tenant", tenantId));
    }

    private static void requireAcceptingWork(TenantId tenantId, TenantStanding standing) {
        if (!standing.acceptsNewWork()) {
            throw TenantRefusals.noNewWork(tenantId, standing.status());
        }
    }

    private static void requireNameFree(TenantId tenantId, String name, WorkspaceNames workspaceNames) {
        // Early check for a quick, clear refusal; the claim table decides races when the event is stored.
        if (workspaceNames.isTaken(tenantId, name)) {
            throw new RuleViolationException("workspace.name-taken",
                    "A workspace named '" + name + "' already exists in this tenant");
        }
    }

    @EventSourcingHandler
    void on(WorkspaceCreated event) {
        workspaceId = event.workspaceId();
        tenantId = event.tenantId();
        name = event.name();
        description = event.description();
        status = WorkspaceStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(WorkspaceRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(WorkspaceDescriptionChanged event) {
        description = event.description();
    }

    @EventSourcingHandler
    void on(MemberAdded event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        members.remove(event.userId());
    }

    @EventSourcingHandler
    void on(WorkspaceArchived event) {
        status = WorkspaceStatus.ARCHIVED;
    }

    @EventSourcingHandler
    void on(WorkspaceDiscarded event) {
        status = WorkspaceStatus.DISCARDED;
    }
}
