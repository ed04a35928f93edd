package io.baseplane.projection.workflow;

import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workflow.query.WorkflowView;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Row of {@code workflow_view_step}: one step of a definition, without its parameters. */
@Embeddable
public class WorkflowStepRow {

    @Column(name = "name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "step_type", nullable = false)
    private StepType type;

    @Column(name = "timeout_seconds")
    private Integer timeoutSeconds;

    @Enumerated(EnumType.STRING)
    @Column(name = "compensation_type")
    private StepType compensationType;

    protected WorkflowStepRow() {
        // for JPA
    }

    static WorkflowStepRow of(WorkflowStep step) {
        WorkflowStepRow row = new WorkflowStepRow();
        row.name = step.name();
        row.type = step.type();
        row.timeoutSeconds = step.timeoutSeconds();
        row.compensationType = step.compensation() == null ? null : step.compensation().type();
        return row;
    }

    WorkflowView.Step toView(int index) {
        return new WorkflowView.Step(index, name, type, timeoutSeconds, compensationType);
    }
}
