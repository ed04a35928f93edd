package io.baseplane.projection.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.TriggerType;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workflow.query.WorkflowView;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.projection.VersionedRow;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hibernate.annotations.BatchSize;

/** Row of {@code workflow_view}: one workflow definition, versioned by the workflow aggregate. */
@Entity
@Table(name = "workflow_view")
public class WorkflowEntity extends VersionedRow {

    @Id
    @Column(name = "workflow_id")
    private UUID workflowId;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "workspace_id", nullable = false)
    private UUID workspaceId;

    @Column(name = "name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false)
    private TriggerType triggerType;

    @Column(name = "trigger_cron")
    private String triggerCron;

    @Column(name = "trigger_event_type")
    private String triggerEventType;

    @ElementCollection
    @CollectionTable(name = "workflow_view_step", joinColumns = @JoinColumn(name = "workflow_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<WorkflowStepRow> steps = new ArrayList<>();

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "runs_requested", nullable = false)
    private long runsRequested;

    @Column(name = "last_run_requested_at")
    private Instant lastRunRequestedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WorkflowEntity() {
        // for JPA
    }

    static WorkflowEntity defined(WorkflowId workflowId, TenantId tenantId, WorkspaceId workspaceId, String name,
                                  Trigger trigger, List<WorkflowStep> steps, long sequence, Instant at) {
        WorkflowEntity workflow = new WorkflowEntity();
        workflow.workflowId = workflowId.value();
        workflow.tenantId = tenantId.value();
        workflow.workspaceId = workspaceId.value();
        workflow.define(name, trigger, steps);
        workflow.enabled = true;
        workflow.createdAt = at;
        workflow.updatedAt = at;
        workflow.advanceTo(sequence);
        workflow.markFresh();
        return workflow;
    }

    void definitionUpdated(String newName, Trigger trigger, List<WorkflowStep> newSteps, long sequence, Instant at) {
        define(newName, trigger, newSteps);
        advance(sequence, at);
    }

    void enabled(boolean nowEnabled, long sequence, Instant at) {
        enabled = nowEnabled;
        advance(sequence, at);
    }

    void runRequested(long sequence, Instant at) {
        runsRequested++;
        lastRunRequestedAt = at;
        advance(sequence, at);
    }

    private void define(String newName, Trigger trigger, List<WorkflowStep> newSteps) {
        name = newName;
        triggerType = trigger.type();
        triggerCron = trigger.cron();
        triggerEventType = trigger.eventType();
        steps.clear();
        newSteps.forEach(step -> steps.add(WorkflowStepRow.of(step)));
    }

    private void advance(long sequence, Instant at) {
        advanceTo(sequence);
        updatedAt = at;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public WorkflowView toView() {
        return new WorkflowView(new WorkflowId(workflowId), new TenantId(tenantId), new WorkspaceId(workspaceId), name,
                new Trigger(triggerType, triggerCron, triggerEventType),
                IntStream.range(0, steps.size()).mapToObj(i -> steps.get(i).toView(i)).toList(),
                enabled, runsRequested, lastRunRequestedAt, createdAt, updatedAt, version());
    }

    @Override
    public UUID getId() {
        return workflowId;
    }
}
