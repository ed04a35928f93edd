package io.baseplane.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.HeldProcessor;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SeparatePlatform;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A processor whose tokens were removed from the token store (by hand, by a careless script). A read model's
 * pooled processor then gives up its segments and no node processes its events: readiness says so instead of
 * staying UP, and starting the processor again creates its tokens. A saga processor without tokens starts at the
 * head of the stream, so sagas are not started again for events handled long ago. A platform of its own, as the
 * processors miss events meanwhile.
 */
@ContextConfiguration(initializers = SeparatePlatform.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LostProcessorTokensTest extends PlatformTestBase {

    private static final String VIEW_PROCESSOR = "tenant-view";
    private static final String SAGA_PROCESSOR = "WorkspaceProvisioningSagaProcessor";

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStore eventStore;

    @Test
    void readinessIsDownWhileAProcessorHasNoTokensAndUpOnceItIsStartedAgain() {
        String tenantId = createTenant("FREE");
        Api operator = api.as(tokens.operator());

        jdbc.update("delete from token_entry where processor_name = ?", VIEW_PROCESSOR);

        eventually(() -> operator.get("/actuator/health/readiness").status() == 503);
        JsonNode readiness = operator.get("/actuator/health/readiness").json();
        assertThat(readiness.at("/components/eventProcessors/details/" + VIEW_PROCESSOR).asText())
                .isEqualTo(EventProcessorsHealthIndicator.NO_TOKENS);

        StreamingEventProcessor view = processing.eventProcessor(VIEW_PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        view.shutDown();
        view.start();

        eventually(() -> operator.get("/actuator/health/readiness").status() == 200);
        // A view processor without tokens starts at the tail: it reads every event again (its rows are idempotent).
        eventually(() -> operator.get("/api/v1/tenants/" + tenantId).status() == 200);
        String later = createTenant("FREE");
        eventually(() -> operator.get("/api/v1/tenants/" + later).status() == 200);
    }

    @Test
    void aSagaProcessorWithoutTokensStartsAtTheHeadAndStartsNoSagaForOldEvents() {
        String tenantId = createTenant("FREE");
        provisionWorkspace(tenantId, "olivia", "Handled long ago");
        long sagasBefore = provisioningSagas();

        long head;
        try (HeldProcessor held = HeldProcessor.hold(processing, SAGA_PROCESSOR)) {
            jdbc.update("delete from token_entry where processor_name = ?", SAGA_PROCESSOR);
            head = eventStore.createHeadToken().position().orElseThrow();
        }

        assertThat(lowestTokenPosition()).as("the restarted processor begins at the head").isGreaterThanOrEqualTo(head);
        assertThat(provisioningSagas()).as("no saga started again for old events").isEqualTo(sagasBefore);
    }

    private long provisioningSagas() {
        return jdbc.queryForObject("select count(*) from saga_instance where saga_type = 'WorkspaceProvisioning'",
                Long.class);
    }

    /** -1 where a token is empty: the processor begins at the tail. */
    private long lowestTokenPosition() {
        return jdbc.queryForObject("select coalesce(min((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint), -1) "
                + "from token_entry where processor_name = ?", Long.class, SAGA_PROCESSOR);
    }
}
