package io.baseplane.saga.ops;

import io.baseplane.kernel.common.InvalidValueException;
import java.util.List;

/**
 * The saga types as the journal names them ({@code saga_instance.saga_type}). Each saga declares its own
 * name; they are repeated here so a filter can refuse a misspelt type instead of answering an empty list, and
 * so every type has its stuck gauge from the start. A new saga adds its name here.
 */
public final class SagaTypes {

    public static final List<String> ALL =
            List.of("TenantOnboarding", "WorkspaceProvisioning", "AirtableSyncRun", "WorkflowExecution");

    private SagaTypes() {
    }

    /** The type's proper spelling, whatever the case it was given in. */
    static String parse(String field, String raw) {
        return ALL.stream().filter(type -> type.equalsIgnoreCase(raw.strip())).findFirst()
                .orElseThrow(() -> new InvalidValueException(field, "must be one of " + String.join(", ", ALL)));
    }
}
