package io.baseplane.app.axon;

import io.baseplane.saga.journal.JdbcSagaJournal;
import java.util.Set;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Locks a saga's row while a transaction works on it, so two nodes never handle the same saga at once: a
 * processor on one node and a deadline (a delay, a retry, an outside call's outcome) run by db-scheduler on
 * another would otherwise both load the saga and the later save would lose the other's change. Within one node
 * Axon's saga repository already locks per saga; across nodes this row lock does (docs/adr/0015).
 *
 * <p>A saga whose stored state cannot be read is parked for operators and treated as absent, so its processor
 * goes on with every other saga instead of retrying the event for ever.
 */
final class LockingSagaStore implements SagaStore<Object> {

    private static final String LOCK = "select 1 from saga_entry where saga_id = ? for update";

    private static final Logger log = LoggerFactory.getLogger(LockingSagaStore.class);

    private final SagaStore<Object> delegate;
    private final JdbcTemplate jdbc;
    private final JdbcSagaJournal journal;

    LockingSagaStore(SagaStore<Object> delegate, JdbcTemplate jdbc, JdbcSagaJournal journal) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.journal = journal;
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        // Joins the transaction of the unit of work that loads the saga; the lock holds until it commits.
        jdbc.query(LOCK, rs -> { }, sagaIdentifier);
        try {
            return delegate.loadSaga(sagaType, sagaIdentifier);
        } catch (SerializationException e) {
            log.error("Saga {} ({}) has state that cannot be read; parked, its events pass it by",
                    sagaIdentifier, sagaType.getSimpleName(), e);
            journal.parkUnreadable(sagaIdentifier, "the saga's stored state cannot be read: " + e.getMessage());
            return null;
        }
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        return delegate.findSagas(sagaType, associationValue);
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        delegate.deleteSaga(sagaType, sagaIdentifier, associationValues);
    }

    @Override
    public void insertSaga(Class<?> sagaType, String sagaIdentifier, Object saga,
                           Set<AssociationValue> associationValues) {
        delegate.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        delegate.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
    }
}
