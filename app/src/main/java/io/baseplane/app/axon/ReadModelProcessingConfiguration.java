package io.baseplane.app.axon;

import io.baseplane.app.persistence.TransactionManagersConfiguration;
import io.baseplane.projection.ReadModelGroups;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * Read-model processors run in JPA transactions, so view rows and the processor's tracking token commit
 * together (the token store joins through the JPA transaction's JDBC connection).
 *
 * <p>Their commits do not wait for the write-ahead log to reach the disk ({@code synchronous_commit off}
 * for these transactions only). A view is derived data: should the database crash right after such a
 * commit, the view and its token fall back together to an earlier consistent state and the processor
 * handles those events again. Commands keep synchronous commits, so an acknowledged command is never lost.
 * Measured in docs/adr/0013.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelProcessingConfiguration {

    @Bean
    ConfigurerModule readModelsRunInJpaTransactions(
            @Qualifier(TransactionManagersConfiguration.READ_MODELS) JpaTransactionManager readModels,
            JdbcTemplate jdbc) {
        TransactionManager transactions = new AsynchronousCommits(new SpringTransactionManager(readModels), jdbc);
        return configurer -> configurer.eventProcessing(processing -> ReadModelGroups.ALL.forEach(
                group -> processing.registerTransactionManager(group, configuration -> transactions)));
    }

    /** The one per-name configuration of each read-model processor: every {@link ReadModelProcessorCustomizer}. */
    @Bean
    ConfigurerModule readModelProcessorsCustomized(List<ReadModelProcessorCustomizer> customizers) {
        return configurer -> configurer.eventProcessing(processing -> ReadModelGroups.ALL.forEach(
                group -> processing.registerPooledStreamingEventProcessorConfiguration(group, (config, builder) -> {
                    PooledStreamingEventProcessor.Builder customized = builder;
                    for (ReadModelProcessorCustomizer customizer : customizers) {
                        customized = customizer.customize(group, config, customized);
                    }
                    return customized;
                })));
    }

    /** Starts the transaction, then lets its commit return before the log is flushed. */
    private record AsynchronousCommits(TransactionManager delegate, JdbcTemplate jdbc) implements TransactionManager {

        @Override
        public Transaction startTransaction() {
            Transaction transaction = delegate.startTransaction();
            try {
                // On the JPA transaction's connection, which JdbcTemplate joins; "local" ends with the transaction.
                jdbc.execute("set local synchronous_commit to off");
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        }
    }
}
