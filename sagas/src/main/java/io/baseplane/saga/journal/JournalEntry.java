package io.baseplane.saga.journal;

import io.baseplane.kernel.common.Text;
import io.baseplane.kernel.tenant.TenantId;
import java.util.Objects;

/**
 * One step transition of one saga instance.
 *
 * @param sagaId     Axon's identifier of the saga instance (null only for sagas outside Axon, e.g. in tests)
 * @param sagaType   the saga's simple name, e.g. {@code WorkspaceProvisioning}
 * @param sagaKey    the identifier the saga is about (the workspace, the sync run, the workflow run)
 * @param tenantId   the tenant it works for
 * @param step       the step's name, e.g. {@code create workspace}
 * @param transition what happened to the step
 * @param detail     the error text of a failure, or null
 * @param attempt    which attempt of the step failed, for RETRYING and PARKED; null otherwise
 */
public record JournalEntry(String sagaId, String sagaType, String sagaKey, TenantId tenantId, String step,
                           StepTransition transition, String detail, Integer attempt) {

    /** Column limits of {@code saga_journal}; a longer detail is cut, as error texts may be long. */
    static final int MAX_DETAIL_LENGTH = 2000;
    static final int MAX_STEP_LENGTH = 200;

    public JournalEntry {
        Objects.requireNonNull(sagaType, "sagaType");
        Objects.requireNonNull(sagaKey, "sagaKey");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(transition, "transition");
        step = Text.sanitized(step, MAX_STEP_LENGTH);
        // Error texts may hold anything, a NUL byte included, which PostgreSQL text refuses.
        detail = detail == null ? null : Text.sanitized(detail, MAX_DETAIL_LENGTH);
    }

    public JournalEntry(String sagaType, String sagaKey, TenantId tenantId, String step, StepTransition transition,
                        String detail) {
        this(null, sagaType, sagaKey, tenantId, step, transition, detail, null);
    }
}
