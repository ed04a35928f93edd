package io.baseplane.projection;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A row of a read model. A row a projector has just made is {@linkplain #isNew() new}, so Spring Data saves it
 * by persist, not merge (no select before the insert). It stops being new when loaded or as soon as it is
 * persisted (before the insert is flushed), so a row added and removed again in one batch is really deleted:
 * Spring Data skips {@code delete} for a row it thinks is new.
 *
 * @param <ID> the type of the row's primary key
 */
@MappedSuperclass
public abstract class ProjectedRow<ID> implements Persistable<ID> {

    /** Made by a projector and not persisted yet. */
    @Transient
    private boolean fresh;

    /** Marks a row a projector has just made, not loaded: called by the entities' factory methods. */
    protected final void markFresh() {
        fresh = true;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PrePersist
    void stored() {
        fresh = false;
    }
}
