package io.baseplane.app.observability;

import io.baseplane.app.node.LiveNodes;
import io.baseplane.saga.ops.StuckSagas;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The health checks that ask the database ({@code db}, {@code eventStore}, {@code eventProcessors}, {@code sagas}),
 * bounded in time so that readiness answers within a second even while the database does not: the three in the
 * readiness group answer within {@link #BUDGET} together. Bean names end in {@code HealthIndicator}, so {@code db}
 * replaces Spring Boot's own.
 */
@Configuration(proxyBeanMethods = false)
class HealthChecksConfiguration {

    static final Duration BUDGET = Duration.ofMillis(500);

    /** Not a bean: an {@code Executor} bean would displace Spring Boot's application task executor. */
    private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "health-check");
        thread.setDaemon(true);
        return thread;
    });

    private final BoundedHealthChecks readiness = new BoundedHealthChecks(BUDGET, checks);
    private final BoundedHealthChecks sagas = new BoundedHealthChecks(BUDGET, checks);

    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource) {
        return readiness.add(new DataSourceHealthIndicator(dataSource));
    }

    @Bean
    HealthIndicator eventStoreHealthIndicator(EventStreamHead head) {
        return readiness.add(new EventStoreHealthIndicator(head));
    }

    @Bean
    HealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                                                   LiveNodes nodes) {
        return readiness.add(new EventProcessorsHealthIndicator(processing, jdbc, nodes::holds));
    }

    @Bean
    HealthIndicator sagasHealthIndicator(StuckSagas stuckSagas) {
        return sagas.add(new StuckSagasHealthIndicator(stuckSagas));
    }

    @PreDestroy
    void stopChecks() {
        checks.shutdownNow();
    }
}
