package io.baseplane.saga.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hides secrets in decoded saga state before an operator sees it: the value of every key that names a token,
 * a secret, a password, an authorization or an API key, at any depth, whatever its case or separators
 * ({@code apiKey}, {@code X-Api-Key}, {@code api_key}, {@code tokenRef}). The whole value goes, objects included.
 */
public final class StateRedaction {

    public static final String REDACTED = "[redacted]";

    private static final List<String> SECRET_WORDS = List.of("token", "secret", "password", "authorization", "apikey");

    private StateRedaction() {
    }

    /** A copy of JSON-shaped data (maps, lists, scalars) with secret values replaced. */
    public static Object redact(Object json) {
        if (json instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key),
                    isSecret(String.valueOf(key)) ? REDACTED : redact(value)));
            return copy;
        }
        if (json instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(redact(item)));
            return copy;
        }
        return json;
    }

    static boolean isSecret(String key) {
        String normalized = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
        return SECRET_WORDS.stream().anyMatch(normalized::contains);
    }
}
