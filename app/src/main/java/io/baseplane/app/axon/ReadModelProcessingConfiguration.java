package io.baseplane.app.axon;

import io.baseplane.app.persistence.TransactionManagersConfiguration;
import io.baseplane.projection.ReadModelGroups;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * Read-model processors run in JPA transactions, so view rows and the processor's tracking token commit
 * together (the token store joins through the JPA transaction's JDBC connection).
 */
@Configuration(proxyBeanMethods = false)
class ReadModelProcessingConfiguration {

    @Bean
    ConfigurerModule readModelsRunInJpaTransactions(
            @Qualifier(TransactionManagersConfiguration.READ_MODELS) JpaTransactionManager readModels) {
        SpringTransactionManager transactions = new SpringTransactionManager(readModels);
        return configurer -> configurer.eventProcessing(processing -> ReadModelGroups.ALL.forEach(
                group -> processing.registerTransactionManager(group, configuration -> transactions)));
    }
}
