package io.baseplane.command.workflow;

import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.workflow.StepType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The parameters each step type needs (the same rules hold for a compensation of that type). */
final class StepParameters {

    static final int MAX_DELAY_SECONDS = 86_400;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]*}}");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private StepParameters() {
    }

    /** Validates {@code raw} for {@code type}; {@code field} names the parameters, e.g. {@code steps[2].parameters}. */
    static Map<String, String> check(String field, StepType type, Map<String, String> raw) {
        Map<String, String> parameters = ParameterMaps.bounded(field, raw, ParameterMaps.MAX_PARAMETERS);
        switch (type) {
            case HTTP_CALL -> {
                url(field + ".url", required(field, "url", parameters, type));
                method(field + ".method", parameters.get("method"));
            }
            case NOTIFY -> {
                required(field, "recipient", parameters, type);
                required(field, "message", parameters, type);
            }
            case DELAY -> seconds(field + ".seconds", required(field, "seconds", parameters, type));
            case UPSERT_RECORD -> {
                required(field, "table", parameters, type);
                // "delete": "true" removes the record instead (a compensation's usual job): no fields needed.
                if (!"true".equals(parameters.get("delete"))) {
                    required(field, "record", parameters, type);
                }
            }
        }
        return parameters;
    }

    private static String required(String field, String name, Map<String, String> parameters, StepType type) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field + "." + name, "is required for a " + type + " step");
        }
        return value;
    }

    private static void url(String field, String raw) {
        URI uri;
        try {
            // Placeholders ({{input.order}}, {{runId}}) are filled in at run time; the rest must be a URL now.
            uri = new URI(PLACEHOLDER.matcher(raw.strip()).replaceAll("x"));
        } catch (URISyntaxException e) {
            throw new InvalidValueException(field, "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new InvalidValueException(field, "must be an absolute http or https URL");
        }
    }

    private static void method(String field, String raw) {
        if (raw != null && !METHODS.contains(raw)) {
            throw new InvalidValueException(field, "must be one of GET, POST, PUT, PATCH, DELETE");
        }
    }

    private static void seconds(String field, String raw) {
        int seconds;
        try {
            seconds = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, "must be a whole number of seconds");
        }
        if (seconds < 1 || seconds > MAX_DELAY_SECONDS) {
            throw new InvalidValueException(field, "must be between 1 and " + MAX_DELAY_SECONDS);
        }
    }
}
