package io.baseplane.app.axon;

import org.axonframework.common.transaction.TransactionManager;
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
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
    }
}
