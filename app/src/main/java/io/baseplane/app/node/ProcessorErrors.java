package io.baseplane.app.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Map;

/**
 * The processor errors a node reports with its heartbeat ({@code platform_node.processor_errors}): each failing
 * processor's error and since when, as JSON, so a node that does not run the processor can show it to an operator.
 */
public final class ProcessorErrors {

    /** What a processor's failing segment reported, and since when this node has seen it fail. */
    public record Failure(String message, Instant since) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final TypeReference<Map<String, Failure>> FAILURES = new TypeReference<>() {
    };

    private ProcessorErrors() {
    }

    static String format(Map<String, Failure> failures) {
        if (failures.isEmpty()) {
            return "";
        }
        try {
            return JSON.writeValueAsString(failures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Processor errors not writable as JSON", e);
        }
    }

    /** The failures a heartbeat row reports; none for an empty or unreadable column. */
    public static Map<String, Failure> parse(String column) {
        if (column == null || column.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(column, FAILURES);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
