package io.baseplane.app.deadletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What makes failures "the same" for an operator: the exception type and its message with the values that differ
 * from one event to the next masked (quoted values, UUIDs, times, long numbers). Two workspaces that fail for the
 * same bug land in one group; the id is a short hash of both, stable across nodes and restarts.
 *
 * @param exceptionType the failure's class name, or null for a sequence whose failed letter is gone (evicted)
 * @param message       the masked message ("" when there was none)
 */
record ErrorFingerprint(String exceptionType, String message) {

    /** Ids are this long: 48 bits, plenty to tell apart the few kinds of failure a processor has. */
    static final int ID_LENGTH = 12;
    static final Pattern ID = Pattern.compile("[0-9a-f]{" + ID_LENGTH + "}");

    /** Sequences that hold letters but no failure: their failed letter was evicted, these wait for an operator. */
    static final ErrorFingerprint NO_FAILURE = new ErrorFingerprint(null,
            "no failure recorded: the failed event of these sequences was evicted, the events behind it are parked");

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern TIME = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");
    /** Four digits and more: ids, indexes, sizes. Shorter numbers are more often part of what went wrong. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\b\\d{4,}\\b");

    static ErrorFingerprint of(String exceptionType, String message) {
        return new ErrorFingerprint(exceptionType, mask(message));
    }

    static String mask(String message) {
        if (message == null) {
            return "";
        }
        String masked = QUOTED.matcher(message).replaceAll("<value>");
        masked = UUID.matcher(masked).replaceAll("<uuid>");
        masked = TIME.matcher(masked).replaceAll("<time>");
        return LONG_NUMBER.matcher(masked).replaceAll("<number>");
    }

    /** The first {@link #ID_LENGTH} hex digits of the SHA-256 of type and masked message. */
    String id() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    (exceptionType + "\n" + message).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
