package io.baseplane.kernel.workflow;

import java.util.List;

/**
 * The platform event types an {@link TriggerType#EVENT} trigger may name. A workflow is started by the event
 * of its type in its own workspace; a type not listed here would never fire, so definitions refuse it.
 */
public final class TriggerEvents {

    /** An Airtable sync run completed ({@code SyncRunCompleted}). */
    public static final String AIRTABLE_SYNC_COMPLETED = "airtable.sync.completed";
    /** An Airtable sync run failed for good ({@code SyncRunFailed}). */
    public static final String AIRTABLE_SYNC_FAILED = "airtable.sync.failed";

    /** Every known type, in the order error messages list them. */
    public static final List<String> KNOWN = List.of(AIRTABLE_SYNC_COMPLETED, AIRTABLE_SYNC_FAILED);

    private TriggerEvents() {
    }
}
