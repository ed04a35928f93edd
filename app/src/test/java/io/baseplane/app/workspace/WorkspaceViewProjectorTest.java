package io.baseplane.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.ResultPage;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantCreated;
import io.baseplane.kernel.workspace.query.FindWorkspaceQuery;
import io.baseplane.kernel.workspace.query.ListTenantWorkspacesQuery;
import io.baseplane.kernel.workspace.query.ListWorkspaceMembersQuery;
import io.baseplane.kernel.workspace.query.WorkspaceView;
import io.baseplane.projection.tenant.TenantViewProjector;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.MemberRemoved;
import io.baseplane.kernel.workspace.MemberRoleChanged;
import io.baseplane.kernel.workspace.WorkspaceArchived;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDescriptionChanged;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRenamed;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.projection.ReadModelGroups;
import io.baseplane.projection.workspace.WorkspaceViewProjector;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workspace projector, event by event: its handlers are called directly, with hand-made sequence
 * numbers and timestamps, in a transaction of the read models that is rolled back afterwards, and the rows
 * of {@code workspace_view} and {@code workspace_member_view} are read back with SQL.
 */
class WorkspaceViewProjectorTest extends PlatformTestBase {

    private static final ReplayStatus LIVE = ReplayStatus.REGULAR;
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.654321Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Instant T2 = T0.plusSeconds(2);
    private static final Instant T3 = T0.plusSeconds(3);
    private static final Instant T4 = T0.plusSeconds(4);
    private static final UserId OLIVIA = UserId.of("olivia");
    private static final UserId BOB = UserId.of("bob");

    @Autowired
    private WorkspaceViewProjector projector;

    @Autowired
    @Qualifier(ReadModelGroups.TRANSACTION_MANAGER)
    private PlatformTransactionManager readModels;

    @Autowired
    private TenantViewProjector tenantProjector;

    @Autowired
    private QueryUpdateEmitter updateEmitter;

    @Autowired
    private QueryBus queryBus;

    @PersistenceContext
    private EntityManager entityManager;

    private final TenantId tenantId = TenantId.random();
    private final WorkspaceId workspaceId = WorkspaceId.random();

    @Test
    void workspaceCreatedMakesAnActiveRowWithoutMembersAtVersionZero() {
        inRolledBackTransaction(() -> {
            created(0, T0);

            Map<String, Object> row = row();
            assertThat(row).containsEntry("tenant_id", tenantId.value()).containsEntry("name", "Design")
                    .containsEntry("description", "the design team").containsEntry("status", "ACTIVE")
                    .containsEntry("member_count", 0).containsEntry("version", 0L);
            assertThat(instant(row, "created_at")).isEqualTo(T0);
            assertThat(instant(row, "last_active_at")).isEqualTo(T0);
            assertThat(members()).isEmpty();
        });
    }

    @Test
    void renamedChangesTheNameTheVersionAndTheLastActivity() {
        inRolledBackTransaction(() -> {
            created(0, T0);

            projector.on(new WorkspaceRenamed(workspaceId, tenantId, "Design", "Design Ops"), 1, T1, LIVE);

            Map<String, Object> row = row();
            assertThat(row).containsEntry("name", "Design Ops").containsEntry("version", 1L);
            assertThat(instant(row, "created_at")).isEqualTo(T0);
            assertThat(instant(row, "last_active_at")).isEqualTo(T1);
        });
    }

    @Test
    void descriptionChangedChangesTheDescription() {
        inRolledBackTransaction(() -> {
            created(0, T0);

            projector.on(new WorkspaceDescriptionChanged(workspaceId, tenantId, "all things design"), 1, T1, LIVE);

            assertThat(row()).containsEntry("description", "all things design").containsEntry("version", 1L);
        });
    }

    @Test
    void memberAddedIsAMemberRowSinceTheEventsTime() {
        inRolledBackTransaction(() -> {
            created(0, T0);

            projector.on(new MemberAdded(workspaceId, tenantId, OLIVIA, WorkspaceRole.OWNER), 1, T1, LIVE);
            projector.on(new MemberAdded(workspaceId, tenantId, BOB, WorkspaceRole.EDITOR), 2, T2, LIVE);

            assertThat(row()).containsEntry("member_count", 2).containsEntry("version", 2L);
            assertThat(instant(row(), "last_active_at")).isEqualTo(T2);
            List<Map<String, Object>> members = members();
            assertThat(members).extracting(m -> m.get("user_id")).containsExactly("olivia", "bob");
            assertThat(members).extracting(m -> m.get("role")).containsExactly("OWNER", "EDITOR");
            assertThat(instant(members.get(0), "since")).isEqualTo(T1);
            assertThat(instant(members.get(1), "since")).isEqualTo(T2);
        });
    }

    @Test
    void memberRoleChangedChangesTheRoleButNotSinceWhen() {
        inRolledBackTransaction(() -> {
            created(0, T0);
            projector.on(new MemberAdded(workspaceId, tenantId, BOB, WorkspaceRole.EDITOR), 1, T1, LIVE);

            projector.on(new MemberRoleChanged(workspaceId, tenantId, BOB, WorkspaceRole.EDITOR, WorkspaceRole.ADMIN),
                    2, T2, LIVE);

            Map<String, Object> bob = members().get(0);
            assertThat(bob).containsEntry("role", "ADMIN");
            assertThat(instant(bob, "since")).isEqualTo(T1);
            assertThat(row()).containsEntry("member_count", 1).containsEntry("version", 2L);
        });
    }

    @Test
    void memberRemovedDeletesTheMemberRow() {
        inRolledBackTransaction(() -> {
            created(0, T0);
            projector.on(new MemberAdded(workspaceId, tenantId, OLIVIA, WorkspaceRole.OWNER), 1, T1, LIVE);
            projector.on(new MemberAdded(workspaceId, tenantId, BOB, WorkspaceRole.VIEWER), 2, T2, LIVE);

            projector.on(new MemberRemoved(workspaceId, tenantId, BOB, WorkspaceRole.VIEWER), 3, T3, LIVE);

            assertThat(members()).extracting(m -> m.get("user_id")).containsExactly("olivia");
            assertThat(row()).containsEntry("member_count", 1).containsEntry("version", 3L);
        });
    }

    @Test
    void aMemberRemovedAndAddedAgainInOneBatchIsAMemberAgainSinceTheNewTime() {
        inRolledBackTransaction(() -> {
            created(0, T0);
            projector.on(new MemberAdded(workspaceId, tenantId, BOB, WorkspaceRole.VIEWER), 1, T1, LIVE);
            projector.on(new MemberRemoved(workspaceId, tenantId, BOB, WorkspaceRole.VIEWER), 2, T2, LIVE);

            projector.on(new MemberAdded(workspaceId, tenantId, BOB, WorkspaceRole.ADMIN), 3, T3, LIVE);

            Map<String, Object> bob = members().get(0);
            assertThat(bob).containsEntry("role", "ADMIN");
            assertThat(instant(bob, "since")).isEqualTo(T3);
            assertThat(row()).containsEntry("member_count", 1).containsEntry("version", 3L);
        });
    }

    @Test
    void archivedChangesTheStatus() {
        inRolledBackTransaction(() -> {
            created(0, T0);

            projector.on(new WorkspaceArchived(workspaceId, tenantId), 1, T1, LIVE);

            assertThat(row()).containsEntry("status", "ARCHIVED").containsEntry("version", 1L);
        });
    }

    @Test
    void discardedMarksTheRowDiscardedWithoutMembersAndNothingBringsItBack() {
        inRolledBackTransaction(() -> {
            created(0, T0);
            projector.on(new MemberAdded(workspaceId, tenantId, OLIVIA, WorkspaceRole.OWNER), 1, T1, LIVE);

            projector.on(new WorkspaceDiscarded(workspaceId, tenantId, "Design", "notify failed"), 2, T2, LIVE);

            assertThat(row()).containsEntry("status", "DISCARDED").containsEntry("member_count", 0)
                    .containsEntry("version", 2L);
            assertThat(members()).isEmpty();
            Map<String, Object> discarded = row();

            // Late repeats of older events, and any event after the discard, leave it as it is.
            created(0, T0);
            projector.on(new MemberAdded(workspaceId, tenantId, OLIVIA, WorkspaceRole.OWNER), 1, T1, LIVE);
            projector.on(new WorkspaceRenamed(workspaceId, tenantId, "Design", "Back"), 3, T3, LIVE);

            assertThat(row()).isEqualTo(discarded);
            assertThat(members()).isEmpty();
        });
    }

    @Test
    void theSameEventTwiceLeavesTheSameRows() {
        inRolledBackTransaction(() -> {
            created(0, T0);
            Map<String, Object> afterCreated = row();
            created(0, T0);
            assertThat(row()).isEqualTo(afterCreated);

            MemberAdded added = new MemberAdded(workspaceId, tenantId, OLIVIA, WorkspaceRole.OWNER);
            projector.on(added, 1, T1, LIVE);
            Map<String, Object> afterAdded = row();
            List<Map<String, Object>> membersAfterAdded = members();
            projector.on(added, 1, T1, LIVE);
            assertThat(row()).isEqualTo(afterAdded).containsEntry("member_count", 1);
            assertThat(members()).isEqualTo(membersAfterAdded);

            MemberRemoved removed = new MemberRemoved(workspaceId, tenantId, OLIVIA, WorkspaceRole.OWNER);
            projector.on(new MemberAdded(workspaceId, tenantId, BOB, WorkspaceRole.OWNER), 2, T2, LIVE);
            projector.on(removed, 3, T3, LIVE);
            Map<String, Object> afterRemoved = row();
            projector.on(removed, 3, T3, LIVE);
            assertThat(row()).isEqualTo(afterRemoved).containsEntry("member_count", 1);

            WorkspaceRenamed renamed = new WorkspaceRenamed(workspaceId, tenantId, "Design", "Design Ops");
            projector.on(renamed, 4, T4, LIVE);
            Map<String, Object> afterRenamed = row();
            projector.on(renamed, 4, T4, LIVE);
            assertThat(row()).isEqualTo(afterRenamed);
        });
    }

    @Test
    void anOlderEventAfterANewerOneIsIgnored() {
        inRolledBackTransaction(() -> {
            created(0, T0);
            projector.on(new WorkspaceRenamed(workspaceId, tenantId, "Alpha", "Beta"), 2, T2, LIVE);
            Map<String, Object> newest = row();

            projector.on(new WorkspaceRenamed(workspaceId, tenantId, "Design", "Alpha"), 1, T1, LIVE);
            projector.on(new MemberAdded(workspaceId, tenantId, BOB, WorkspaceRole.OWNER), 1, T1, LIVE);
            projector.on(new WorkspaceArchived(workspaceId, tenantId), 2, T3, LIVE);

            assertThat(row()).isEqualTo(newest).containsEntry("name", "Beta").containsEntry("status", "ACTIVE");
            assertThat(members()).isEmpty();
        });
    }

    @Test
    void eventsOfAWorkspaceWithoutRowChangeNothing() {
        inRolledBackTransaction(() -> {
            projector.on(new MemberAdded(workspaceId, tenantId, BOB, WorkspaceRole.OWNER), 1, T1, LIVE);
            projector.on(new WorkspaceArchived(workspaceId, tenantId), 2, T2, LIVE);

            entityManager.flush();
            assertThat(jdbc.queryForObject("select count(*) from workspace_view where workspace_id = ?",
                    Long.class, workspaceId.value())).isZero();
            assertThat(members()).isEmpty();
        });
    }

    @Test
    void theResetHandlerEmptiesBothTables() {
        inRolledBackTransaction(() -> {
            holdOffTheLiveProcessors();
            created(0, T0);
            projector.on(new MemberAdded(workspaceId, tenantId, OLIVIA, WorkspaceRole.OWNER), 1, T1, LIVE);

            projector.reset();

            entityManager.flush();
            assertThat(jdbc.queryForObject("select count(*) from workspace_view", Long.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from workspace_member_view", Long.class)).isZero();
        });
    }

    // ---- subscribers and queries ---------------------------------------------------------------------

    @Test
    void eachChangeGoesToTheWorkspacesSubscribersAndADiscardEndsTheirStream() {
        UpdateHandlerRegistration<Object> watching = subscribe(workspaceId);
        UpdateHandlerRegistration<Object> watchingAnother = subscribe(WorkspaceId.random());
        Received received = receive(watching);
        Received receivedByAnother = receive(watchingAnother);
        try {
            // Committed: the views are announced with PostgreSQL's NOTIFY, which delivers only on commit.
            new TransactionTemplate(readModels).executeWithoutResult(status -> {
                created(0, T0);
                projector.on(new MemberAdded(workspaceId, tenantId, OLIVIA, WorkspaceRole.OWNER), 1, T1, LIVE);
                projector.on(new WorkspaceRenamed(workspaceId, tenantId, "Design", "Design Ops"), 2, T2, LIVE);
                assertThat(received.views).as("nothing before the commit").isEmpty();
                projector.on(new WorkspaceDiscarded(workspaceId, tenantId, "Design Ops", "gone"), 3, T3, LIVE);
            });
            eventually(() -> received.ended);
        } finally {
            watching.getRegistration().cancel();
            watchingAnother.getRegistration().cancel();
            // The rows have no events behind them: a replay (ReadModelReplayTest) would not rebuild them.
            jdbc.update("delete from workspace_member_view where workspace_id = ?", workspaceId.value());
            jdbc.update("delete from workspace_view where workspace_id = ?", workspaceId.value());
        }

        assertThat(received.views).extracting(WorkspaceView::version).containsExactly(0L, 1L, 2L);
        assertThat(received.views.get(1).members()).extracting(member -> member.userId().value())
                .containsExactly("olivia");
        assertThat(received.views.get(1).memberCount()).isEqualTo(1);
        assertThat(received.views.get(2).name()).isEqualTo("Design Ops");
        assertThat(received.ended).as("the discard ended the stream").isTrue();
        assertThat(receivedByAnother.views).isEmpty();
        assertThat(receivedByAnother.ended).isFalse();
    }

    @Test
    void nothingGoesToSubscribersWhileReplaying() {
        UpdateHandlerRegistration<Object> watching = subscribe(workspaceId);
        Received received = receive(watching);
        try {
            inRolledBackTransaction(() -> {
                projector.on(new WorkspaceCreated(workspaceId, tenantId, "Design", ""), 0, T0, ReplayStatus.REPLAY);
                projector.on(new MemberAdded(workspaceId, tenantId, OLIVIA, WorkspaceRole.OWNER), 1, T1,
                        ReplayStatus.REPLAY);
                projector.on(new WorkspaceDiscarded(workspaceId, tenantId, "Design", "gone"), 2, T2,
                        ReplayStatus.REPLAY);
                assertThat(row()).containsEntry("status", "DISCARDED");
            });
        } finally {
            watching.getRegistration().cancel();
        }
        assertThat(received.views).isEmpty();
        assertThat(received.ended).isFalse();
    }

    @Test
    void aDiscardedWorkspaceIsFoundByNoQuery() {
        Map<String, String> operator = Map.of(MetaDataKeys.USER_ID, "ops", MetaDataKeys.ROLES, "PLATFORM_OPERATOR");
        inRolledBackTransaction(() -> {
            tenantProjector.on(new TenantCreated(tenantId, "Acme", Plan.FREE), 0, T0);
            created(0, T0);
            projector.on(new MemberAdded(workspaceId, tenantId, OLIVIA, WorkspaceRole.OWNER), 1, T1, LIVE);
            entityManager.flush();
            // The queries run on this thread and join this transaction, so they see its rows.
            assertThat(ask(new FindWorkspaceQuery(workspaceId), WorkspaceView.class, operator).isExceptional())
                    .isFalse();

            projector.on(new WorkspaceDiscarded(workspaceId, tenantId, "Design", "gone"), 2, T2, LIVE);
            entityManager.flush();

            assertThat(ask(new FindWorkspaceQuery(workspaceId), WorkspaceView.class, operator).exceptionResult())
                    .isInstanceOf(NotFoundException.class);
            assertThat(ask(new ListWorkspaceMembersQuery(workspaceId, 0, 10), Object.class, operator)
                    .exceptionResult()).isInstanceOf(NotFoundException.class);
            ResultPage<?> listed = (ResultPage<?>) ask(new ListTenantWorkspacesQuery(tenantId, null, null, 0, 10),
                    Object.class, operator).getPayload();
            assertThat(listed.items()).isEmpty();
            assertThat(listed.totalItems()).isZero();
        });
    }

    private void created(long sequenceNumber, Instant at) {
        projector.on(new WorkspaceCreated(workspaceId, tenantId, "Design", "the design team"), sequenceNumber, at,
                LIVE);
    }

    private UpdateHandlerRegistration<Object> subscribe(WorkspaceId watched) {
        return updateEmitter.registerUpdateHandler(subscriptionOf(watched), 64);
    }

    private static SubscriptionQueryMessage<FindWorkspaceQuery, WorkspaceView, WorkspaceView> subscriptionOf(
            WorkspaceId watched) {
        return new GenericSubscriptionQueryMessage<>(new FindWorkspaceQuery(watched),
                ResponseTypes.instanceOf(WorkspaceView.class), ResponseTypes.instanceOf(WorkspaceView.class));
    }

    /** Records what a subscription receives, as it arrives. */
    private static Received receive(UpdateHandlerRegistration<Object> registration) {
        Received received = new Received();
        registration.getUpdates().subscribe(update -> received.views.add((WorkspaceView) update.getPayload()),
                error -> received.ended = true, () -> received.ended = true);
        return received;
    }

    private static final class Received {
        final List<WorkspaceView> views = new CopyOnWriteArrayList<>();
        volatile boolean ended;
    }

    private <R> QueryResponseMessage<R> ask(Object query, Class<R> type, Map<String, String> metaData) {
        return queryBus.query(new GenericQueryMessage<>(query, ResponseTypes.instanceOf(type)).andMetaData(metaData))
                .join();
    }

    /**
     * The running processors may still be projecting other tests' events; a row they commit between the
     * reset and the count would be counted. The lock makes their writes wait until this transaction ends.
     */
    private void holdOffTheLiveProcessors() {
        jdbc.execute("lock table workspace_view, workspace_member_view in exclusive mode");
    }

    /** Runs in the read models' transaction, as the processor does, and leaves nothing behind. */
    private void inRolledBackTransaction(Runnable work) {
        new TransactionTemplate(readModels).executeWithoutResult(status -> {
            try {
                work.run();
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    private Map<String, Object> row() {
        entityManager.flush();
        List<Map<String, Object>> rows = jdbc.queryForList("select * from workspace_view where workspace_id = ?",
                workspaceId.value());
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private List<Map<String, Object>> members() {
        entityManager.flush();
        return jdbc.queryForList("select * from workspace_member_view where workspace_id = ? order by since, user_id",
                workspaceId.value());
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toInstant();
    }
}
