package io.baseplane.app.observability;

import io.baseplane.saga.ops.StuckSagas;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health checks that ask the database ({@code db}, {@code eventStore}, {@code sagas}), each bounded in time so
 * that readiness answers within a second even while the database does not: two of them are in the readiness group,
 * at most {@link #BUDGET} each. Bean names end in {@code HealthIndicator}, so {@code db} replaces Spring Boot's own.
 */
@Configuration(proxyBeanMethods = false)
class HealthChecksConfiguration {

    static final Duration BUDGET = Duration.ofMillis(400);

    /** Not a bean: an {@code Executor} bean would displace Spring Boot's application task executor. */
    private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "health-check");
        thread.setDaemon(true);
        return thread;
    });

    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource) {
        return bounded(new DataSourceHealthIndicator(dataSource));
    }

    @Bean
    HealthIndicator eventStoreHealthIndicator(EventStreamHead head) {
        return bounded(new EventStoreHealthIndicator(head));
    }

    @Bean
    HealthIndicator sagasHealthIndicator(StuckSagas stuckSagas) {
        return bounded(new StuckSagasHealthIndicator(stuckSagas));
    }

    private HealthIndicator bounded(HealthIndicator check) {
        return new TimeBoundedHealthIndicator(check, BUDGET, checks);
    }

    @PreDestroy
    void stopChecks() {
        checks.shutdownNow();
    }
}
