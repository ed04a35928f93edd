package io.baseplane.saga.common;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an adapter makes inside a saga's transaction, as a savepoint (NESTED). PostgreSQL aborts the whole
 * transaction on a failed statement; rolling back to the savepoint keeps it usable, so the saga's
 * compensation and state can still commit after the adapter failed. Outside a transaction it acts like
 * REQUIRED.
 */
public final class Savepoints {

    private Savepoints() {
    }

    public static TransactionTemplate template(PlatformTransactionManager transactionManager) {
        TransactionTemplate savepoint = new TransactionTemplate(transactionManager);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return savepoint;
    }
}
