package io.baseplane.app.axon;

import io.baseplane.app.persistence.TransactionManagersConfiguration;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Units of work run in nested transactions. A command a saga sends runs inside the saga's own transaction;
 * with plain propagation, a refused command would mark that whole transaction rollback-only, so the saga
 * could never record its compensation. As a savepoint, a failed command undoes exactly its own writes
 * (events and lookups) and the saga goes on. Where no transaction is open yet (an HTTP command, a
 * processor batch) a nested transaction is simply a new one.
 *
 * <p>Queries are the exception: they read the read models, so their units of work run in read-only
 * transactions of the read models' JPA transaction manager. A JDBC transaction of the write side would bind
 * a connection to the thread that the JPA transaction manager cannot join, and would hold a second pool
 * connection for every query. Axon's query buses (local, and the local segment under Axon Server) take
 * their transaction manager from this one bean, hence the choice by message here.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager,
                                              @Qualifier(TransactionManagersConfiguration.READ_MODELS)
                                              JpaTransactionManager readModels) {
        TransactionManager writeSide = new SpringTransactionManager(transactionManager,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
        DefaultTransactionDefinition readOnly = new DefaultTransactionDefinition();
        readOnly.setReadOnly(true);
        // One consistent state even when a query reads a view with several statements.
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        TransactionManager queries = new SpringTransactionManager(readModels, readOnly);
        return new ByMessageTransactionManager(writeSide, queries);
    }

    /** Starts the query side's transaction for a query's unit of work and the write side's for everything else. */
    static final class ByMessageTransactionManager implements TransactionManager {

        private final TransactionManager writeSide;
        private final TransactionManager queries;

        ByMessageTransactionManager(TransactionManager writeSide, TransactionManager queries) {
            this.writeSide = writeSide;
            this.queries = queries;
        }

        @Override
        public Transaction startTransaction() {
            boolean query = CurrentUnitOfWork.isStarted()
                    && CurrentUnitOfWork.get().getMessage() instanceof QueryMessage;
            return (query ? queries : writeSide).startTransaction();
        }
    }
}
