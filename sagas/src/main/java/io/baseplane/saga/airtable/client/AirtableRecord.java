package io.baseplane.saga.airtable.client;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Airtable record: {@code recXXXXXXXXXXXXXX}, when it was created, and its cell values by field name
 * (strings, numbers, booleans, lists and maps as Airtable's JSON has them; empty cells are absent).
 */
public record AirtableRecord(String id, Instant createdTime, Map<String, Object> fields) {

    public AirtableRecord {
        Objects.requireNonNull(id, "id");
        // Cell values may be JSON null inside lists or objects, so no Map.copyOf here.
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
