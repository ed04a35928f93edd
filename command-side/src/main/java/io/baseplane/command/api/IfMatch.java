package io.baseplane.command.api;

import io.baseplane.kernel.common.InvalidValueException;
import java.util.regex.Pattern;

/**
 * Reads an {@code If-Match} header into the aggregate version a command expects. Axon refuses the command
 * when the aggregate has moved on ({@code @TargetAggregateVersion}), which the API answers with 412.
 */
public final class IfMatch {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private IfMatch() {
    }

    /** The expected version, or null when the header is absent or {@code *} (any version). */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        var matcher = VERSION.matcher(header.strip());
        if (!matcher.matches()) {
            throw new InvalidValueException("If-Match", "must be an entity tag such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
