package io.baseplane.app.deadletter;

import io.baseplane.projection.ReadModelGroups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code baseplane.dead.letters{processor}} ({@code baseplane_dead_letters} in Prometheus): parked events per view
 * processor, counted in the table when scraped (one indexed count per processor), so every node reports the same
 * figure whichever node parked them. Above zero means a view lacks events until an operator acts. No base unit, so the
 * Prometheus name stays {@code baseplane_dead_letters}.
 */
@Component
class DeadLetterMetrics {

    DeadLetterMetrics(MeterRegistry registry, DeadLetters deadLetters) {
        for (String processor : ReadModelGroups.ALL) {
            Gauge.builder("baseplane.dead.letters", deadLetters, letters -> letters.count(processor))
                    .tag("processor", processor)
                    .description("events a view processor parked because its handler kept failing on them")
                    .register(registry);
        }
    }
}
