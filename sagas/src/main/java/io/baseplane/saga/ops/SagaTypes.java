package io.baseplane.saga.ops;

import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.saga.airtable.AirtableSyncRunSaga;
import io.baseplane.saga.tenant.TenantOnboardingSaga;
import io.baseplane.saga.workflow.WorkflowExecutionSaga;
import io.baseplane.saga.workspace.WorkspaceProvisioningSaga;
import java.util.List;

/**
 * The saga types as the journal names them ({@code saga_instance.saga_type}), from each saga's own constant: a
 * filter refuses a misspelt type instead of answering an empty list, and every type has its stuck gauge from the
 * start. A new saga adds itself here.
 */
public final class SagaTypes {

    public static final List<String> ALL = List.of(TenantOnboardingSaga.SAGA_TYPE, WorkspaceProvisioningSaga.SAGA_TYPE,
            AirtableSyncRunSaga.SAGA_TYPE, WorkflowExecutionSaga.SAGA_TYPE);

    private SagaTypes() {
    }

    /** The type's proper spelling, whatever the case it was given in. */
    static String parse(String field, String raw) {
        return ALL.stream().filter(type -> type.equalsIgnoreCase(raw.strip())).findFirst()
                .orElseThrow(() -> new InvalidValueException(field, "must be one of " + String.join(", ", ALL)));
    }
}
