package io.baseplane.app.axon;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * <p>Queries are the exception: their units of work run in no transaction. Each query handler takes the
 * read models' read-only transaction it needs ({@code ReadOnlyTransactions}, repeatable read where a view
 * is read with several statements), or none where one statement answers, as for the hottest query, a
 * workspace by id (docs/adr/0012: a transaction around it cost six extra round trips). A write-side JDBC
 * transaction would anyway bind a connection the JPA transaction manager cannot join. Axon's query buses
 * (local, and the local segment under Axon Server) take their transaction manager from this one bean,
 * hence the choice by message here.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        TransactionManager writeSide = new SpringTransactionManager(transactionManager,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
        return new ByMessageTransactionManager(writeSide, NoTransactionManager.INSTANCE);
    }

    /** Starts no transaction for a query's unit of work and the write side's for everything else. */
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
