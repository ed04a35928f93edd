package io.baseplane.app.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.baseplane.kernel.workspace.WorkspaceRenamed;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * An upcaster that exists in the tests only, for a revision no stored event has: {@code WorkspaceRenamed} revision 0,
 * whose new name was called {@code title}. Axon registers it with the platform's upcasters (the event store's chain);
 * for every real event it does nothing.
 */
@Component
class AgedRenameUpcaster extends SingleEventUpcaster {

    static final String AGED_REVISION = "0";

    private static final SimpleSerializedType AGED =
            new SimpleSerializedType(WorkspaceRenamed.class.getName(), AGED_REVISION);
    private static final SimpleSerializedType CURRENT = new SimpleSerializedType(WorkspaceRenamed.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return AGED.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(CURRENT, JsonNode.class, json -> {
            ObjectNode event = (ObjectNode) json;
            event.set("name", event.remove("title"));
            return event;
        });
    }
}
