package io.baseplane.app.axon;

import java.util.Set;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Locks a saga's row while a transaction works on it, so two nodes never handle the same saga at once: a
 * processor on one node and a deadline (a delay, a retry, an outside call's outcome) run by db-scheduler on
 * another would otherwise both load the saga and the later save would lose the other's change. Within one node
 * Axon's saga repository already locks per saga; across nodes this row lock does (docs/adr/0015).
 */
final class LockingSagaStore implements SagaStore<Object> {

    private static final String LOCK = "select 1 from saga_entry where saga_id = ? for update";

    private final SagaStore<Object> delegate;
    private final JdbcTemplate jdbc;

    LockingSagaStore(SagaStore<Object> delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        // Joins the transaction of the unit of work that loads the saga; the lock holds until it commits.
        jdbc.query(LOCK, rs -> { }, sagaIdentifier);
        return delegate.loadSaga(sagaType, sagaIdentifier);
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
