package io.baseplane.command.workflow;

import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.Text;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Bounds of the string maps workflows carry: step parameters, run input and step output. */
final class ParameterMaps {

    static final int MAX_PARAMETERS = 20;
    static final int MAX_DATA_ENTRIES = 50;
    static final int MAX_KEY = 100;
    static final int MAX_VALUE = 4000;

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0," + (MAX_KEY - 1) + "}");

    private ParameterMaps() {
    }

    /**
     * Returns an unmodifiable copy in the given order; null becomes empty. Keys are 1-100 letters, digits,
     * '_', '.', '-' starting with a letter; values at most 4000 characters (line breaks and tabs allowed).
     */
    static Map<String, String> bounded(String field, Map<String, String> raw, int maxEntries) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        if (raw.size() > maxEntries) {
            throw new InvalidValueException(field, "must have at most " + maxEntries + " entries");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new InvalidValueException(field, "has an invalid key: keys are 1-" + MAX_KEY
                        + " letters, digits, '_', '.' or '-' and start with a letter");
            }
            if (value == null) {
                throw new InvalidValueException(field + "." + key, "must not be null");
            }
            copy.put(key, Text.optionalText(field + "." + key, value, MAX_VALUE));
        });
        return Collections.unmodifiableMap(copy);
    }
}
