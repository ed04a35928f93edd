package io.baseplane.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The default profile runs on the JDBC stores in PostgreSQL, without Axon Server, and says when it is ready. */
class PlatformWiringTest extends PlatformTestBase {

    @Autowired
    private ApplicationContext context;

    @Test
    void eventsTokensAndSagasAreStoredThroughJdbcInPostgres() {
        assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        // JdbcTokenStore behind the gate that keeps each node's claims to its share of the segments (ADR 0019).
        assertThat(context.getBean(TokenStore.class).getClass().getSimpleName()).isEqualTo("FairShareTokenStore");
        assertThat(jdbc.queryForObject("select count(*) from token_entry", Integer.class)).isPositive();
        // JdbcSagaStore behind a wrapper that locks a saga's row while a transaction handles it (ADR 0015).
        assertThat(context.getBean(SagaStore.class).getClass().getSimpleName()).isEqualTo("LockingSagaStore");
    }

    @Test
    void theAxonServerConnectorIsPresentButSwitchedOff() {
        assertThat(context.getBeanNamesForType(AxonServerConnectionManager.class)).isEmpty();
        assertThat(context.getEnvironment().getProperty("axon.axonserver.enabled")).isEqualTo("false");
    }

    @Test
    void readinessReportsTheDatabaseAndTheEventStore() {
        Api.Response readiness = api.as(tokens.operator()).get("/actuator/health/readiness");

        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/eventStore/status").asText()).isEqualTo("UP");
    }
}
