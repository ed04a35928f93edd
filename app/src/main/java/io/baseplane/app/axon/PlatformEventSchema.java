package io.baseplane.app.axon;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/** The event store's table and column names, as the V1 migration creates them (snake_case). */
public final class PlatformEventSchema {

    private PlatformEventSchema() {
    }

    public static EventSchema create() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }
}
