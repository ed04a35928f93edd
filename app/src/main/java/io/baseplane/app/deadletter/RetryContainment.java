package io.baseplane.app.deadletter;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;

/**
 * Undoes what a handler did for a parked event that fails again while an operator retries it. Axon retries a sequence
 * in one transaction: the letters that succeed are evicted, the one that fails is requeued with its new cause, and all
 * of that commits together, the failed handler's half-done changes included. Here each retried letter is handled in a
 * JDBC savepoint with the read models' persistence context flushed before and after; on failure the savepoint is
 * rolled back and the persistence context cleared, so nothing of the failed attempt is written.
 *
 * <p>Registered on the view processors, it also sees every event of the live stream; those pass straight through (a
 * savepoint per event would cost every batch two round trips per event, and PostgreSQL slows down once a transaction
 * holds more than 64 subtransactions). A failure in the database itself (a constraint, say) still rolls back the
 * retry of that sequence as a whole: Hibernate and Spring mark such a transaction rollback-only.
 */
final class RetryContainment implements MessageHandlerInterceptor<EventMessage<?>> {

    private final DataSource dataSource;
    private final EntityManagerFactory readModels;

    RetryContainment(DataSource dataSource, EntityManagerFactory readModels) {
        this.dataSource = dataSource;
        this.readModels = readModels;
    }

    /** True while Axon's dead-letter processing handles a letter (it puts the letter among the unit's resources). */
    static boolean retrying() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EntityManager entities = unitOfWork.resources().containsKey(DeadLetter.class.getName())
                ? EntityManagerFactoryUtils.getTransactionalEntityManager(readModels) : null;
        if (entities == null) {
            return chain.proceed();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        entities.flush();
        Savepoint savepoint = connection.setSavepoint();
        try {
            Object result = chain.proceed();
            entities.flush();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (Exception | Error failure) {
            try {
                connection.rollback(savepoint);
                entities.clear();
            } catch (Exception undo) {
                failure.addSuppressed(undo);
            }
            throw failure;
        }
    }
}
