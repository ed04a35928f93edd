package io.baseplane.app.deadletter;

import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRenamed;
import io.baseplane.projection.ReadModelGroups;
import io.baseplane.projection.workspace.WorkspaceViewEntity;
import io.baseplane.projection.workspace.WorkspaceViewRepository;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A handler in the workspace view's processor that exists in the tests only: it fails on a workspace's creation or
 * renaming when a test has poisoned the workspace's (new) name, and does nothing for any other workspace, so the
 * other tests sharing the platform never notice it. Poisoned names are static: every platform context of the JVM (a
 * second node, a separate platform) fails on them alike. A test heals a name to play the deployed fix.
 *
 * <p>Before failing for good on a creation it writes a half-done view row, as a buggy handler might: nothing a failed
 * attempt wrote may stay in the view. A name can also be made unwritable: a rename to it does not fail in the handler
 * but gives the workspace's row a description longer than its column, which the database refuses when the batch
 * commits.
 */
@Component
@ProcessingGroup(ReadModelGroups.WORKSPACE_VIEW)
public class PoisonedWorkspaces {

    private static final Map<String, Poison> POISONED = new ConcurrentHashMap<>();

    private static final Set<String> UNWRITABLE = ConcurrentHashMap.newKeySet();
    /** One more than {@code workspace_view.description} holds. */
    private static final String TOO_LONG = "x".repeat(1001);

    private final JdbcTemplate jdbc;
    private final WorkspaceViewRepository workspaces;

    PoisonedWorkspaces(JdbcTemplate jdbc, WorkspaceViewRepository workspaces) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
    }

    /** A rename to this name makes the view's batch fail when it commits, not in a handler. */
    static void makeUnwritable(String name) {
        UNWRITABLE.add(name);
    }

    /** From now on the view fails on this name, the same way every time (a bug). */
    static void poison(String name) {
        POISONED.put(name, new Poison(null));
    }

    /** The view fails on this name {@code times} times as the database would when a lock is not granted in time. */
    static void failTransiently(String name, int times) {
        POISONED.put(name, new Poison(new AtomicInteger(times)));
    }

    /** How often the handler failed on the name so far. */
    static int failures(String name) {
        Poison poison = POISONED.get(name);
        return poison == null ? 0 : poison.failures().get();
    }

    static void heal(String name) {
        POISONED.remove(name);
        UNWRITABLE.remove(name);
    }

    @EventHandler
    void on(WorkspaceCreated event) {
        Poison poison = POISONED.get(event.name());
        if (poison != null && poison.transientLeft() == null) {
            // On the view's transaction (JdbcTemplate joins it), as the projector's own writes.
            jdbc.update("insert into workspace_view (workspace_id, tenant_id, name, description, status, member_count, "
                    + "created_at, last_active_at, version) "
                    + "values (?, ?, 'half-done', '', 'ACTIVE', 0, now(), now(), 0) on conflict do nothing",
                    event.workspaceId().value(), event.tenantId().value());
        }
        check(event.workspaceId(), event.name());
    }

    @EventHandler
    void on(WorkspaceRenamed event) throws ReflectiveOperationException {
        if (UNWRITABLE.contains(event.name())) {
            WorkspaceViewEntity row = workspaces.findById(event.workspaceId().value()).orElseThrow();
            Field description = WorkspaceViewEntity.class.getDeclaredField("description");
            description.setAccessible(true);
            description.set(row, TOO_LONG); // written at commit, which fails
        }
        check(event.workspaceId(), event.name());
    }

    private static void check(WorkspaceId workspaceId, String name) {
        Poison poison = POISONED.get(name);
        if (poison == null) {
            return;
        }
        if (poison.transientLeft() == null) {
            poison.failures().incrementAndGet();
            throw new IllegalStateException("Workspace view cannot take workspace " + workspaceId.value()
                    + " named '" + name + "'");
        }
        if (poison.transientLeft().getAndDecrement() > 0) {
            poison.failures().incrementAndGet();
            throw new CannotAcquireLockException("could not obtain lock on workspace_view",
                    new SQLException("ERROR: deadlock detected", "40P01"));
        }
    }

    /** @param transientLeft transient failures still to come; null for a permanent one */
    private record Poison(AtomicInteger transientLeft, AtomicInteger failures) {

        Poison(AtomicInteger transientLeft) {
            this(transientLeft, new AtomicInteger());
        }
    }
}
