package io.baseplane.app.ops.replay;

import io.baseplane.app.persistence.TransactionManagersConfiguration;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.stereotype.Component;

/**
 * Transactions of a shadow processor: the read models' JPA transactions, as the live view's, with the shadow schema
 * first on the search path, so the projectors' unqualified table names find the shadow tables (and the token store,
 * whose table is only in the live schema, still finds it). Commits do not wait for the log flush, as the live view's
 * (docs/adr/0013): a rebuilt view is derived data too.
 */
@Component
class ShadowTransactions {

    private final SpringTransactionManager readModels;
    private final JdbcTemplate jdbc;
    private final ShadowTables tables;

    ShadowTransactions(@Qualifier(TransactionManagersConfiguration.READ_MODELS) JpaTransactionManager readModels,
                       JdbcTemplate jdbc, ShadowTables tables) {
        this.readModels = new SpringTransactionManager(readModels);
        this.jdbc = jdbc;
        this.tables = tables;
    }

    TransactionManager into(String shadowSchema) {
        String searchPath = shadowSchema + ", " + tables.liveSchema();
        return () -> {
            Transaction transaction = readModels.startTransaction();
            try {
                jdbc.execute("set local search_path to " + searchPath);
                jdbc.execute("set local synchronous_commit to off");
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        };
    }
}
