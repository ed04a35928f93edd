package io.baseplane.kernel.common;

/** Validation of free text that ends up in names and descriptions. */
public final class Text {

    private Text() {
    }

    /**
     * Returns the stripped name, or throws when it is empty, longer than {@code max} code points, or
     * contains control characters (which would corrupt logs, exports and terminals downstream).
     */
    public static String requireName(String field, String raw, int max) {
        if (raw == null) {
            throw new InvalidValueException(field, "must not be null");
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        requireBounded(field, value, max);
        if (value.codePoints().anyMatch(Text::isControl)) {
            throw new InvalidValueException(field, "must not contain control characters");
        }
        return value;
    }

    /** Optional free text: null becomes empty; tabs and line breaks are allowed, other controls are not. */
    public static String optionalText(String field, String raw, int max) {
        if (raw == null) {
            return "";
        }
        requireBounded(field, raw, max);
        if (raw.codePoints().anyMatch(c -> isControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidValueException(field, "must not contain control characters");
        }
        return raw;
    }

    /** Required free text such as a reason: stripped, not blank; tabs and line breaks allowed. */
    public static String requireText(String field, String raw, int max) {
        String text = optionalText(field, raw, max).strip();
        if (text.isEmpty()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return text;
    }

    /**
     * Text from elsewhere (an upstream error message, an exception) made fit to be a reason: characters
     * {@link #requireText} would refuse are dropped (tabs and line breaks stay), it is cut to {@code max}
     * code points (never inside a surrogate pair), and an empty result becomes "unknown". A reason that
     * reaches an aggregate this way is never refused for its characters or length.
     */
    public static String sanitized(String raw, int max) {
        if (raw == null) {
            return "unknown";
        }
        int[] kept = raw.codePoints()
                .filter(c -> !isControl(c) || c == '\n' || c == '\r' || c == '\t')
                .toArray();
        String text = kept.length <= max
                ? new String(kept, 0, kept.length)
                : new String(kept, 0, max - 1) + "…";
        text = text.strip();
        return text.isEmpty() ? "unknown" : text;
    }

    private static void requireBounded(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw new InvalidValueException(field, "must be at most " + max + " characters");
        }
    }

    /**
     * Characters no text here may hold: controls, format characters (zero-width spaces, bidi overrides, the BOM),
     * unassigned and private-use code points, lone surrogates, and the line and paragraph separators U+2028 and
     * U+2029 (line breaks that JSON, JavaScript and HTTP headers do not treat as such).
     */
    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
