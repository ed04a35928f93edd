package io.baseplane.saga.airtable.client;

import java.util.regex.Pattern;

/** Airtable's ids are a three-letter prefix and 14 letters or digits, e.g. {@code appXXXXXXXXXXXXXX}. */
public final class AirtableIds {

    private static final Pattern BASE = Pattern.compile("app[A-Za-z0-9]{14}");
    private static final Pattern TABLE = Pattern.compile("tbl[A-Za-z0-9]{14}");

    private AirtableIds() {
    }

    public static boolean isBaseId(String value) {
        return value != null && BASE.matcher(value).matches();
    }

    public static boolean isTableId(String value) {
        return value != null && TABLE.matcher(value).matches();
    }

    static String requireBaseId(String value) {
        if (!isBaseId(value)) {
            throw new AirtableException(AirtableException.Kind.INVALID_REQUEST,
                    "not an Airtable base id (app + 14 letters or digits): " + quoted(value));
        }
        return value;
    }

    static String requireTableId(String value) {
        if (!isTableId(value)) {
            throw new AirtableException(AirtableException.Kind.INVALID_REQUEST,
                    "not an Airtable table id (tbl + 14 letters or digits): " + quoted(value));
        }
        return value;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "'" + shown.replaceAll("[^\\x20-\\x7E]", "?") + "'";
    }
}
