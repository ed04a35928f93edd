package io.baseplane.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.projection.ReadModelGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sagas and the workflow trigger handler run on tracking processors whose token store writes progress
 * past ignored events sparingly (docs/adr/0013); the read models keep the plain store.
 */
class ReactionProcessorsTest extends PlatformTestBase {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void theSagasAndTheTriggersWriteProgressPastIgnoredEventsSparingly() {
        assertThat(PlatformProcessors.REACTIONS).hasSize(5).allSatisfy(name -> {
            assertThat(processing.eventProcessor(name)).as(name).containsInstanceOf(TrackingEventProcessor.class);
            assertThat(processing.tokenStore(name)).as(name).isInstanceOf(IgnoredEventsTokenStore.class);
        });
        assertThat(ReadModelGroups.ALL).allSatisfy(name ->
                assertThat(processing.tokenStore(name)).as(name).isNotInstanceOf(IgnoredEventsTokenStore.class));
    }
}
