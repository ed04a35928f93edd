package io.baseplane.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: a real PostgreSQL (zonky's packaged binaries) started in-process when no
 * external database is configured, so that a new user needs nothing but a JDK. Its data lives under
 * {@code ./data/} and survives restarts. Setting {@code spring.datasource.url} switches it off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDataSourceCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Files.createDirectories(properties.dataDirectory());
        Files.createDirectories(properties.workingDirectory());
        OrphanedPostgres.stopIfRunning(properties.dataDirectory());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(properties.dataDirectory().toAbsolutePath().toFile())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(properties.workingDirectory().toAbsolutePath().toFile())
                .setPort(properties.port())
                // Stopped by the context (destroyMethod), after the processors and pools that use it. Its own JVM
                // shutdown hook would stop it while they are still stopping, on every Ctrl-C or SIGTERM; a process
                // killed outright leaves it to OrphanedPostgres at the next start.
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL is up at {} (data in {})",
                postgres.getJdbcUrl("postgres", "postgres"), properties.dataDirectory().toAbsolutePath());
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }
}
