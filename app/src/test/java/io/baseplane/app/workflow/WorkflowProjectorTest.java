package io.baseplane.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.CompensationStarted;
import io.baseplane.kernel.workflow.CompensationStep;
import io.baseplane.kernel.workflow.StepCompensated;
import io.baseplane.kernel.workflow.StepCompensationFailed;
import io.baseplane.kernel.workflow.StepFailed;
import io.baseplane.kernel.workflow.StepStarted;
import io.baseplane.kernel.workflow.StepSucceeded;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.WorkflowDefined;
import io.baseplane.kernel.workflow.WorkflowDefinitionUpdated;
import io.baseplane.kernel.workflow.WorkflowDisabled;
import io.baseplane.kernel.workflow.WorkflowEnabled;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunCompensated;
import io.baseplane.kernel.workflow.WorkflowRunFailed;
import io.baseplane.kernel.workflow.WorkflowRunCompleted;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workflow.WorkflowRunRequested;
import io.baseplane.kernel.workflow.WorkflowRunStarted;
import io.baseplane.kernel.workflow.WorkflowRunStatus;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workflow.query.StepRunStatus;
import io.baseplane.kernel.workflow.query.WorkflowRunView;
import io.baseplane.kernel.workflow.query.WorkflowView;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.projection.workflow.WorkflowEntity;
import io.baseplane.projection.workflow.WorkflowProjector;
import io.baseplane.projection.workflow.WorkflowRunEntity;
import io.baseplane.projection.workflow.WorkflowRunProjector;
import io.baseplane.projection.workflow.WorkflowRunViewRepository;
import io.baseplane.projection.workflow.WorkflowViewRepository;
import io.baseplane.projection.workflow.WorkspaceOwnerEntity;
import io.baseplane.projection.workflow.WorkspaceOwnerRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workflow projectors, one event type at a time, called directly inside read-model transactions with
 * hand-built events, sequence numbers and timestamps: each event's effect, the same event twice leaving the
 * same row, and an older event after a newer one being ignored. A workflow and its runs are separate
 * aggregates with sequence numbers of their own.
 */
class WorkflowProjectorTest extends PlatformTestBase {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    private WorkflowProjector workflowProjector;

    @Autowired
    private WorkflowRunProjector runProjector;

    @Autowired
    private WorkflowViewRepository workflows;

    @Autowired
    private WorkflowRunViewRepository runs;

    @Autowired
    private WorkspaceOwnerRepository workspaces;

    @Autowired
    @Qualifier("readModelTransactionManager")
    private PlatformTransactionManager readModels;

    private TransactionTemplate transaction;
    private final WorkflowId workflowId = WorkflowId.random();
    private final WorkflowRunId runId = WorkflowRunId.random();
    private final TenantId tenantId = TenantId.random();
    private final WorkspaceId workspaceId = WorkspaceId.random();
    private final WorkflowRunId otherRunId = WorkflowRunId.random();

    @BeforeEach
    void transactions() {
        transaction = new TransactionTemplate(readModels);
    }

    /** Hand-built rows have no events behind them; a later replay of the group must not miss them. */
    @AfterEach
    void removeHandBuiltRows() {
        transaction.executeWithoutResult(status -> {
            runs.deleteAllById(List.of(runId.value(), otherRunId.value()));
            workflows.deleteAllById(List.of(workflowId.value()));
            workspaces.deleteAllById(List.of(workspaceId.value()));
        });
    }

    // ---- WorkspaceCreated / WorkspaceDiscarded ------------------------------------------------------

    @Test
    void aCreatedWorkspaceIsKnownWithItsTenantAndADiscardedOneIsNot() {
        apply(() -> workflowProjector.on(new WorkspaceCreated(workspaceId, tenantId, "Ops", ""), 0));

        assertThat(workspace()).hasValueSatisfying(workspace -> {
            assertThat(workspace.tenantId()).isEqualTo(tenantId.value());
            assertThat(workspace.exists()).isTrue();
        });

        apply(() -> workflowProjector.on(new WorkspaceDiscarded(workspaceId, tenantId, "Ops", "quota"), 1));
        apply(() -> workflowProjector.on(new WorkspaceCreated(workspaceId, tenantId, "Ops", ""), 0));
        apply(() -> workflowProjector.on(new WorkspaceDiscarded(workspaceId, tenantId, "Ops", "quota"), 1));

        assertThat(workspace()).hasValueSatisfying(workspace -> assertThat(workspace.exists()).isFalse());
    }

    // ---- WorkflowDefined ----------------------------------------------------------------------------

    @Test
    void aDefinedWorkflowIsEnabledWithItsTriggerAndStepsWithoutParameters() {
        apply(() -> workflowProjector.on(defined(), 0, T0));

        WorkflowView workflow = workflow();
        assertThat(workflow.id()).isEqualTo(workflowId);
        assertThat(workflow.tenantId()).isEqualTo(tenantId);
        assertThat(workflow.workspaceId()).isEqualTo(workspaceId);
        assertThat(workflow.name()).isEqualTo("Nightly export");
        assertThat(workflow.trigger()).isEqualTo(Trigger.schedule("0 0 2 * * *"));
        assertThat(workflow.steps()).containsExactly(
                new WorkflowView.Step(0, "fetch", StepType.HTTP_CALL, 30, StepType.HTTP_CALL),
                new WorkflowView.Step(1, "store", StepType.UPSERT_RECORD, null, null),
                new WorkflowView.Step(2, "tell", StepType.NOTIFY, null, null));
        assertThat(workflow.enabled()).isTrue();
        assertThat(workflow.runsRequested()).isZero();
        assertThat(workflow.createdAt()).isEqualTo(T0);
        assertThat(workflow.updatedAt()).isEqualTo(T0);
        assertThat(workflow.version()).isZero();
    }

    @Test
    void aDefinitionReplayedLeavesTheSameRow() {
        apply(() -> workflowProjector.on(defined(), 0, T0));
        WorkflowView before = workflow();

        apply(() -> workflowProjector.on(defined(), 0, at(5)));

        assertThat(workflow()).isEqualTo(before);
    }

    // ---- WorkflowDefinitionUpdated ------------------------------------------------------------------

    @Test
    void anUpdatedDefinitionReplacesNameTriggerAndSteps() {
        apply(() -> workflowProjector.on(defined(), 0, T0));

        apply(() -> workflowProjector.on(updated(), 1, at(1)));

        WorkflowView workflow = workflow();
        assertThat(workflow.name()).isEqualTo("On sync");
        assertThat(workflow.trigger()).isEqualTo(Trigger.onEvent("airtable.sync.completed"));
        assertThat(workflow.steps()).containsExactly(new WorkflowView.Step(0, "wait", StepType.DELAY, null, null));
        assertThat(workflow.createdAt()).isEqualTo(T0);
        assertThat(workflow.updatedAt()).isEqualTo(at(1));
        assertThat(workflow.version()).isEqualTo(1);
    }

    @Test
    void anUpdateReplayedOrTheDefinitionAfterItChangesNothing() {
        apply(() -> workflowProjector.on(defined(), 0, T0));
        apply(() -> workflowProjector.on(updated(), 1, at(1)));
        WorkflowView before = workflow();

        apply(() -> workflowProjector.on(updated(), 1, at(4)));
        apply(() -> workflowProjector.on(defined(), 0, T0));

        assertThat(workflow()).isEqualTo(before);
    }

    // ---- WorkflowDisabled / WorkflowEnabled ---------------------------------------------------------

    @Test
    void disablingAndEnablingFlipTheFlagAndAnOlderFlipIsIgnored() {
        apply(() -> workflowProjector.on(defined(), 0, T0));

        apply(() -> workflowProjector.on(new WorkflowDisabled(workflowId, workspaceId, tenantId), 1, at(1)));
        assertThat(workflow().enabled()).isFalse();
        assertThat(workflow().version()).isEqualTo(1);

        apply(() -> workflowProjector.on(new WorkflowEnabled(workflowId, workspaceId, tenantId), 2, at(2)));
        WorkflowView enabled = workflow();
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.version()).isEqualTo(2);
        assertThat(enabled.updatedAt()).isEqualTo(at(2));

        apply(() -> workflowProjector.on(new WorkflowEnabled(workflowId, workspaceId, tenantId), 2, at(3)));
        apply(() -> workflowProjector.on(new WorkflowDisabled(workflowId, workspaceId, tenantId), 1, at(1)));
        assertThat(workflow()).isEqualTo(enabled);
    }

    // ---- WorkflowRunRequested -----------------------------------------------------------------------

    @Test
    void aRunRequestIsAnEventOfTheWorkflowAndCountsOnce() {
        apply(() -> workflowProjector.on(defined(), 0, T0));

        apply(() -> workflowProjector.on(runRequested(), 1, at(1)));
        apply(() -> workflowProjector.on(runRequested(), 1, at(1)));

        WorkflowView workflow = workflow();
        assertThat(workflow.runsRequested()).isEqualTo(1);
        assertThat(workflow.lastRunRequestedAt()).isEqualTo(at(1));
        assertThat(workflow.version()).isEqualTo(1);
    }

    // ---- WorkflowRunStarted -------------------------------------------------------------------------

    @Test
    void aStartedRunHasEveryStepPendingAndItsOwnVersionNotTheWorkflows() {
        apply(() -> workflowProjector.on(defined(), 0, T0));
        apply(() -> workflowProjector.on(runRequested(), 1, at(1)));

        apply(() -> runProjector.on(started(), 0, at(2)));

        WorkflowRunView run = run();
        assertThat(run.runId()).isEqualTo(runId);
        assertThat(run.workflowId()).isEqualTo(workflowId);
        assertThat(run.tenantId()).isEqualTo(tenantId);
        assertThat(run.workspaceId()).isEqualTo(workspaceId);
        assertThat(run.status()).isEqualTo(WorkflowRunStatus.RUNNING);
        assertThat(run.steps()).extracting(WorkflowRunView.Step::name).containsExactly("fetch", "store", "tell");
        assertThat(run.steps()).extracting(WorkflowRunView.Step::status).containsOnly(StepRunStatus.PENDING);
        assertThat(run.startedAt()).isEqualTo(at(2));
        assertThat(run.finishedAt()).isNull();
        assertThat(run.version()).isZero();
        assertThat(workflow().version()).isEqualTo(1);
    }

    @Test
    void aStartReplayedLeavesTheSameRow() {
        apply(() -> runProjector.on(started(), 0, at(2)));
        WorkflowRunView before = run();

        apply(() -> runProjector.on(started(), 0, at(7)));

        assertThat(run()).isEqualTo(before);
    }

    // ---- StepStarted / StepSucceeded ----------------------------------------------------------------

    @Test
    void aStepRunsThenSucceedsWithItsTimes() {
        apply(() -> runProjector.on(started(), 0, at(2)));

        apply(() -> runProjector.on(stepStarted(0), 1, at(3)));
        assertThat(run().steps().get(0).status()).isEqualTo(StepRunStatus.RUNNING);
        assertThat(run().steps().get(0).startedAt()).isEqualTo(at(3));
        assertThat(run().version()).isEqualTo(1);

        apply(() -> runProjector.on(stepSucceeded(0), 2, at(4)));
        WorkflowRunView.Step step = run().steps().get(0);
        assertThat(step).isEqualTo(new WorkflowRunView.Step(0, "fetch", StepType.HTTP_CALL, StepRunStatus.SUCCEEDED,
                null, at(3), at(4), null));
        assertThat(run().steps().get(1).status()).isEqualTo(StepRunStatus.PENDING);
        assertThat(run().status()).isEqualTo(WorkflowRunStatus.RUNNING);
        assertThat(run().version()).isEqualTo(2);
    }

    @Test
    void aStepEventReplayedOrAnOlderOneAfterItChangesNothing() {
        apply(() -> runProjector.on(started(), 0, at(2)));
        apply(() -> runProjector.on(stepStarted(0), 1, at(3)));
        apply(() -> runProjector.on(stepSucceeded(0), 2, at(4)));
        WorkflowRunView before = run();

        apply(() -> runProjector.on(stepSucceeded(0), 2, at(9)));
        apply(() -> runProjector.on(stepStarted(0), 1, at(3)));

        assertThat(run()).isEqualTo(before);
    }

    // ---- WorkflowRunCompleted -----------------------------------------------------------------------

    @Test
    void aCompletedRunIsFinishedAndAReplayedCompletionChangesNothing() {
        succeedAllSteps();

        apply(() -> runProjector.on(new WorkflowRunCompleted(runId, workflowId, tenantId, workspaceId), 7, at(9)));

        WorkflowRunView run = run();
        assertThat(run.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
        assertThat(run.finishedAt()).isEqualTo(at(9));
        assertThat(run.steps()).extracting(WorkflowRunView.Step::status).containsOnly(StepRunStatus.SUCCEEDED);
        assertThat(run.version()).isEqualTo(7);

        apply(() -> runProjector.on(new WorkflowRunCompleted(runId, workflowId, tenantId, workspaceId), 7, at(10)));
        apply(() -> runProjector.on(stepStarted(2), 5, at(7)));
        assertThat(run()).isEqualTo(run);
    }

    // ---- StepFailed ---------------------------------------------------------------------------------

    @Test
    void aFailedStepCarriesItsErrorAndFailsTheRun() {
        apply(() -> runProjector.on(started(), 0, at(2)));
        apply(() -> runProjector.on(stepStarted(0), 1, at(3)));
        apply(() -> runProjector.on(stepSucceeded(0), 2, at(4)));
        apply(() -> runProjector.on(stepStarted(1), 3, at(5)));

        apply(() -> runProjector.on(stepFailed(1, "HTTP 500 from the CRM"), 4, at(6)));

        WorkflowRunView run = run();
        assertThat(run.status()).isEqualTo(WorkflowRunStatus.FAILED);
        assertThat(run.failureReason()).isEqualTo("HTTP 500 from the CRM");
        assertThat(run.finishedAt()).isNull();
        assertThat(run.steps().get(1)).isEqualTo(new WorkflowRunView.Step(1, "store", StepType.UPSERT_RECORD,
                StepRunStatus.FAILED, "HTTP 500 from the CRM", at(5), at(6), null));
        assertThat(run.steps().get(2).status()).isEqualTo(StepRunStatus.PENDING);

        apply(() -> runProjector.on(stepFailed(1, "HTTP 500 from the CRM"), 4, at(8)));
        apply(() -> runProjector.on(stepStarted(1), 3, at(5)));
        assertThat(run()).isEqualTo(run);
    }

    // ---- CompensationStarted ------------------------------------------------------------------------

    @Test
    void compensationKeepsTheFailedStepsReasonOrTakesTheAbortReason() {
        failSecondStep();

        apply(() -> runProjector.on(compensationStarted("undo after failure"), 5, at(7)));

        WorkflowRunView run = run();
        assertThat(run.status()).isEqualTo(WorkflowRunStatus.COMPENSATING);
        assertThat(run.failureReason()).isEqualTo("HTTP 500 from the CRM");
        assertThat(run.version()).isEqualTo(5);
        apply(() -> runProjector.on(compensationStarted("undo after failure"), 5, at(9)));
        assertThat(run()).isEqualTo(run);

        WorkflowRunId aborted = otherRunId;
        apply(() -> runProjector.on(new WorkflowRunStarted(aborted, workflowId, tenantId, workspaceId, steps(), Map.of()), 0, at(2)));
        apply(() -> runProjector.on(new CompensationStarted(aborted, workflowId, tenantId, workspaceId, "aborted by an operator", List.of()), 1, at(3)));
        assertThat(run(aborted).failureReason()).isEqualTo("aborted by an operator");
        assertThat(run(aborted).status()).isEqualTo(WorkflowRunStatus.COMPENSATING);
    }

    // ---- WorkflowRunFailed --------------------------------------------------------------------------

    @Test
    void aRunThatFailedWithNothingToUndoIsFinishedFailedWithItsStepsErrorAndReplaysChangeNothing() {
        failSecondStep();

        apply(() -> runProjector.on(new WorkflowRunFailed(runId, workflowId, tenantId, workspaceId, "undo"), 5, at(7)));

        WorkflowRunView run = run();
        assertThat(run.status()).isEqualTo(WorkflowRunStatus.FAILED);
        assertThat(run.failureReason()).isEqualTo("HTTP 500 from the CRM");
        assertThat(run.finishedAt()).isEqualTo(at(7));
        assertThat(run.version()).isEqualTo(5);
        apply(() -> runProjector.on(new WorkflowRunFailed(runId, workflowId, tenantId, workspaceId, "undo"), 5, at(9)));
        assertThat(run()).isEqualTo(run);
    }

    @Test
    void aRunAbortedWithNothingToUndoIsFailedWithTheOperatorsReason() {
        apply(() -> runProjector.on(started(), 0, at(2)));

        apply(() -> runProjector.on(new WorkflowRunFailed(runId, workflowId, tenantId, workspaceId, "aborted by an operator"), 1, at(3)));

        assertThat(run().status()).isEqualTo(WorkflowRunStatus.FAILED);
        assertThat(run().failureReason()).isEqualTo("aborted by an operator");
        assertThat(run().finishedAt()).isEqualTo(at(3));
    }

    // ---- StepCompensated / WorkflowRunCompensated ---------------------------------------------------

    @Test
    void compensatedStepsAndTheCompensatedRunAreFinishedAndReplaysChangeNothing() {
        failSecondStep();
        apply(() -> runProjector.on(compensationStarted("undo"), 5, at(7)));

        apply(() -> runProjector.on(new StepCompensated(runId, workflowId, tenantId, workspaceId, 0, "fetch"), 6, at(8)));
        assertThat(run().steps().get(0).status()).isEqualTo(StepRunStatus.COMPENSATED);
        assertThat(run().steps().get(0).compensatedAt()).isEqualTo(at(8));
        assertThat(run().status()).isEqualTo(WorkflowRunStatus.COMPENSATING);

        apply(() -> runProjector.on(new WorkflowRunCompensated(runId, workflowId, tenantId, workspaceId), 7, at(9)));

        WorkflowRunView run = run();
        assertThat(run.status()).isEqualTo(WorkflowRunStatus.COMPENSATED);
        assertThat(run.finishedAt()).isEqualTo(at(9));
        assertThat(run.steps()).extracting(WorkflowRunView.Step::status).containsExactly(
                StepRunStatus.COMPENSATED, StepRunStatus.FAILED, StepRunStatus.PENDING);
        assertThat(run.version()).isEqualTo(7);

        apply(() -> runProjector.on(new StepCompensated(runId, workflowId, tenantId, workspaceId, 0, "fetch"), 6, at(8)));
        apply(() -> runProjector.on(new WorkflowRunCompensated(runId, workflowId, tenantId, workspaceId), 7, at(11)));
        apply(() -> runProjector.on(compensationStarted("undo"), 5, at(7)));
        assertThat(run()).isEqualTo(run);
    }

    // ---- StepCompensationFailed ---------------------------------------------------------------------

    @Test
    void aFailedCompensationShowsOnTheStepAndEndsTheRunForOperators() {
        failSecondStep();
        apply(() -> runProjector.on(compensationStarted("undo"), 5, at(7)));

        apply(() -> runProjector.on(new StepCompensationFailed(runId, workflowId, tenantId, workspaceId, 0, "fetch",
                "DELETE refused with 403"), 6, at(8)));

        WorkflowRunView run = run();
        assertThat(run.status()).isEqualTo(WorkflowRunStatus.COMPENSATION_FAILED);
        assertThat(run.finishedAt()).isEqualTo(at(8));
        assertThat(run.steps().get(0)).isEqualTo(new WorkflowRunView.Step(0, "fetch", StepType.HTTP_CALL,
                StepRunStatus.COMPENSATION_FAILED, "DELETE refused with 403", at(3), at(4), at(8)));

        apply(() -> runProjector.on(new StepCompensationFailed(runId, workflowId, tenantId, workspaceId, 0, "fetch",
                "DELETE refused with 403"), 6, at(10)));
        apply(() -> runProjector.on(compensationStarted("undo"), 5, at(7)));
        assertThat(run()).isEqualTo(run);
    }

    // ---- one processor batch ------------------------------------------------------------------------

    @Test
    void aWholeRunInOneTransactionGivesTheSameRowAsEventByEvent() {
        failSecondStep();
        apply(() -> runProjector.on(compensationStarted("undo"), 5, at(7)));
        apply(() -> runProjector.on(new StepCompensated(runId, workflowId, tenantId, workspaceId, 0, "fetch"), 6, at(8)));
        apply(() -> runProjector.on(new WorkflowRunCompensated(runId, workflowId, tenantId, workspaceId), 7, at(9)));

        WorkflowRunId other = otherRunId;
        apply(() -> {
            runProjector.on(new WorkflowRunStarted(other, workflowId, tenantId, workspaceId, steps(), Map.of()), 0, at(2));
            runProjector.on(new StepStarted(other, workflowId, tenantId, workspaceId, 0, "fetch"), 1, at(3));
            runProjector.on(new StepSucceeded(other, workflowId, tenantId, workspaceId, 0, "fetch", Map.of()), 2, at(4));
            runProjector.on(new StepStarted(other, workflowId, tenantId, workspaceId, 1, "store"), 3, at(5));
            runProjector.on(new StepFailed(other, workflowId, tenantId, workspaceId, 1, "store", "HTTP 500 from the CRM"), 4, at(6));
            runProjector.on(new CompensationStarted(other, workflowId, tenantId, workspaceId, "undo", List.of(0)), 5, at(7));
            runProjector.on(new StepCompensated(other, workflowId, tenantId, workspaceId, 0, "fetch"), 6, at(8));
            runProjector.on(new WorkflowRunCompensated(other, workflowId, tenantId, workspaceId), 7, at(9));
        });

        assertThat(run(other)).usingRecursiveComparison().ignoringFields("runId").isEqualTo(run());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void succeedAllSteps() {
        apply(() -> runProjector.on(started(), 0, at(2)));
        for (int i = 0; i < 3; i++) {
            int index = i;
            apply(() -> runProjector.on(stepStarted(index), 1 + 2L * index, at(3 + 2 * index)));
            apply(() -> runProjector.on(stepSucceeded(index), 2 + 2L * index, at(4 + 2 * index)));
        }
    }

    /** Started (0), fetch started (1) and succeeded (2), store started (3) and failed (4). */
    private void failSecondStep() {
        apply(() -> runProjector.on(started(), 0, at(2)));
        apply(() -> runProjector.on(stepStarted(0), 1, at(3)));
        apply(() -> runProjector.on(stepSucceeded(0), 2, at(4)));
        apply(() -> runProjector.on(stepStarted(1), 3, at(5)));
        apply(() -> runProjector.on(stepFailed(1, "HTTP 500 from the CRM"), 4, at(6)));
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static List<WorkflowStep> steps() {
        return List.of(
                new WorkflowStep("fetch", StepType.HTTP_CALL, Map.of("url", "https://crm.example.com/export"), 30,
                        new CompensationStep(StepType.HTTP_CALL, Map.of("url", "https://crm.example.com/undo"))),
                new WorkflowStep("store", StepType.UPSERT_RECORD, Map.of("table", "exports", "record", "{}"), null, null),
                new WorkflowStep("tell", StepType.NOTIFY, Map.of("recipient", "ops", "message", "done"), null, null));
    }

    private WorkflowDefined defined() {
        return new WorkflowDefined(workflowId, workspaceId, tenantId, "Nightly export", Trigger.schedule("0 0 2 * * *"), steps());
    }

    private WorkflowDefinitionUpdated updated() {
        return new WorkflowDefinitionUpdated(workflowId, workspaceId, tenantId, "On sync",
                Trigger.onEvent("airtable.sync.completed"),
                List.of(new WorkflowStep("wait", StepType.DELAY, Map.of("seconds", "5"), null, null)));
    }

    private WorkflowRunRequested runRequested() {
        return new WorkflowRunRequested(workflowId, runId, tenantId, workspaceId, steps(), Map.of());
    }

    private WorkflowRunStarted started() {
        return new WorkflowRunStarted(runId, workflowId, tenantId, workspaceId, steps(), Map.of("day", "monday"));
    }

    private StepStarted stepStarted(int index) {
        return new StepStarted(runId, workflowId, tenantId, workspaceId, index, steps().get(index).name());
    }

    private StepSucceeded stepSucceeded(int index) {
        return new StepSucceeded(runId, workflowId, tenantId, workspaceId, index, steps().get(index).name(), Map.of());
    }

    private StepFailed stepFailed(int index, String reason) {
        return new StepFailed(runId, workflowId, tenantId, workspaceId, index, steps().get(index).name(), reason);
    }

    private CompensationStarted compensationStarted(String reason) {
        return new CompensationStarted(runId, workflowId, tenantId, workspaceId, reason, List.of(0));
    }

    private void apply(Runnable handlers) {
        transaction.executeWithoutResult(status -> handlers.run());
    }

    private Optional<WorkspaceOwnerEntity> workspace() {
        return transaction.execute(status -> workspaces.findById(workspaceId.value()));
    }

    private WorkflowView workflow() {
        return transaction.execute(status -> workflows.findById(workflowId.value()).map(WorkflowEntity::toView).orElseThrow());
    }

    private WorkflowRunView run() {
        return run(runId);
    }

    private WorkflowRunView run(WorkflowRunId id) {
        return transaction.execute(status -> runs.findById(id.value()).map(WorkflowRunEntity::toView).orElseThrow());
    }
}
