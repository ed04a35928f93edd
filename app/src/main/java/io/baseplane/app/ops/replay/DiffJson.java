package io.baseplane.app.ops.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A diff as the replay's row keeps it ({@code processor_replay.diff}). */
final class DiffJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DiffJson() {
    }

    static String write(ViewDiff diff) {
        try {
            return JSON.writeValueAsString(diff);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A diff could not be written as JSON", e);
        }
    }

    static ViewDiff read(String json) {
        try {
            return json == null ? null : JSON.readValue(json, ViewDiff.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored diff could not be read", e);
        }
    }
}
