package io.baseplane.app.persistence;

import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * Two transaction managers over the one database, each where it fits (docs/adr/0006-read-models-on-jpa.md).
 * The write side (commands, sagas, lookups, event store) runs on plain JDBC transactions, which support the
 * savepoints of nested commands. The read models are JPA entities; their processors and repositories use
 * the JPA transaction manager, which also exposes its JDBC connection so tracking tokens commit with the
 * view rows.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan("io.baseplane.projection")
@EnableJpaRepositories(basePackages = "io.baseplane.projection",
        transactionManagerRef = TransactionManagersConfiguration.READ_MODELS)
public class TransactionManagersConfiguration {

    public static final String READ_MODELS = "readModelTransactionManager";

    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean(READ_MODELS)
    JpaTransactionManager readModelTransactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }
}
