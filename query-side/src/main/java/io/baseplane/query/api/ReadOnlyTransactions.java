package io.baseplane.query.api;

import io.baseplane.projection.ReadModelGroups;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only transactions of the read models' JPA transaction manager for query handlers. A query that came
 * through the query bus is already in one (the application runs queries' units of work so) and joins it;
 * a handler called otherwise gets its own. Repeatable read, so that a view read with several statements (a
 * workspace and its members) is one consistent state even while a projector commits in between.
 */
@Component
public class ReadOnlyTransactions {

    private final TransactionTemplate template;

    ReadOnlyTransactions(@Qualifier(ReadModelGroups.TRANSACTION_MANAGER) PlatformTransactionManager readModels) {
        template = new TransactionTemplate(readModels);
        template.setReadOnly(true);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public <T> T read(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
