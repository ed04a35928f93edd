package io.baseplane.projection;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * A read-model row kept for one aggregate: {@code version} is the aggregate's sequence number of the last event
 * applied to the row, so an older or repeated event (a replay, a redelivery) leaves the row alone.
 */
@MappedSuperclass
public abstract class VersionedRow extends ProjectedRow<UUID> {

    @Column(name = "version", nullable = false)
    private long version;

    /** Whether an event with this sequence number is new to this row; older or repeated ones are not. */
    public boolean isBehind(long sequence) {
        return sequence > version;
    }

    /** Records that the event with this sequence number is now applied to the row. */
    protected final void advanceTo(long sequence) {
        version = sequence;
    }

    /** The sequence number of the last event applied to the row. */
    public long version() {
        return version;
    }
}
