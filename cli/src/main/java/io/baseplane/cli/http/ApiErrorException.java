package io.baseplane.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.cli.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The API refused: its problem+json answer as one line, {@code 409 Conflict — <detail>}, with the fields a 400
 * names that the detail does not already say.
 */
public final class ApiErrorException extends RuntimeException {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(307, "Temporary Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
            Map.entry(412, "Precondition Failed"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));
    private static final int MAX_FOREIGN_BODY = 200;

    private final int status;

    private ApiErrorException(int status, String message) {
        super(Text.oneLine(message), null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ApiErrorException of(int status, String body) {
        JsonNode problem = problemIn(body);
        String title = problem == null ? null : text(problem, "title");
        String reason = title != null ? title : REASONS.getOrDefault(status, "");
        String detail = problem == null ? Text.shorten(body.strip(), MAX_FOREIGN_BODY) : text(problem, "detail");
        StringBuilder line = new StringBuilder().append(status);
        if (!reason.isEmpty()) {
            line.append(' ').append(reason);
        }
        if (detail != null && !detail.isEmpty()) {
            line.append(" — ").append(detail);
        }
        List<String> unsaid = fieldErrorsNotIn(problem, detail == null ? "" : detail);
        if (!unsaid.isEmpty()) {
            line.append(" (").append(String.join("; ", unsaid)).append(')');
        }
        return new ApiErrorException(status, line.toString());
    }

    static ApiErrorException notJson(int status, String body) {
        return new ApiErrorException(status,
                status + " — the answer is not JSON: " + Text.shorten(body.strip(), MAX_FOREIGN_BODY));
    }

    private static JsonNode problemIn(String body) {
        try {
            JsonNode node = body.isBlank() ? null : Json.read(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static List<String> fieldErrorsNotIn(JsonNode problem, String detail) {
        List<String> unsaid = new ArrayList<>();
        if (problem != null && problem.path("errors").isArray()) {
            for (JsonNode error : problem.get("errors")) {
                String field = text(error, "field");
                String message = text(error, "message");
                if (message != null && !detail.contains(message)) {
                    unsaid.add(field == null ? message : field + ": " + message);
                }
            }
        }
        return unsaid;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
