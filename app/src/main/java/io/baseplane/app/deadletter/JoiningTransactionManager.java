package io.baseplane.app.deadletter;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The queue's transactions: it joins the transaction the thread is in, whichever manager started it (a view batch's or
 * a retry's JPA transaction, a parking's own one, an operator's JDBC transaction that records the action), and only
 * without one starts a transaction of its own. Spring's two managers do not nest into each other: the JPA manager
 * refuses to start inside a JDBC transaction, and the JDBC manager would take the JPA transaction's connection for
 * its own and commit it.
 */
record JoiningTransactionManager(TransactionManager own) implements TransactionManager {

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
            // the transaction's owner commits
        }

        @Override
        public void rollback() {
            // the owner rolls back: the exception that made us roll back reaches it
        }
    };

    @Override
    public Transaction startTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive() ? JOINED : own.startTransaction();
    }
}
