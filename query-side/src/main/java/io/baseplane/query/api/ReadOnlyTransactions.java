package io.baseplane.query.api;

import io.baseplane.projection.ReadModelGroups;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only transactions of the read models' JPA transaction manager for query handlers (queries' units of
 * work run in none). Repeatable read, so that a view read with several statements (a page and its total,
 * a workspace and its members) is one consistent state even while a projector commits in between.
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
