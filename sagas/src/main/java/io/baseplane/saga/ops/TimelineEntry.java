package io.baseplane.saga.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One moment in a saga's life: a journal entry (a step transition, a retry, an operator's action) or an event
 * of an aggregate the saga is associated with. Fields of the other kind are left out of the JSON.
 *
 * @param kind        {@code JOURNAL} or {@code EVENT}
 * @param detail      journal: the error text of a failure, or the reason an operator gave
 * @param actor       journal: the operator who acted; absent for the saga's own steps
 * @param type        event: the payload type's simple name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(String kind, Instant at,
                            String step, String transition, String detail, Integer attempt, String actor,
                            Long globalIndex, String type, String aggregateType, String aggregateId, Long sequence,
                            String correlationId, String causationId) {

    public static final String JOURNAL = "JOURNAL";
    public static final String EVENT = "EVENT";

    static TimelineEntry journal(Instant at, String step, String transition, String detail, Integer attempt,
                                 String actor) {
        return new TimelineEntry(JOURNAL, at, step, transition, detail, attempt, actor,
                null, null, null, null, null, null, null);
    }

    static TimelineEntry event(Instant at, long globalIndex, String type, String aggregateType, String aggregateId,
                               long sequence, String correlationId, String causationId) {
        return new TimelineEntry(EVENT, at, null, null, null, null, null,
                globalIndex, type, aggregateType, aggregateId, sequence, correlationId, causationId);
    }
}
