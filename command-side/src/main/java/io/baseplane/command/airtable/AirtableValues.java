package io.baseplane.command.airtable;

import io.baseplane.kernel.airtable.FieldSchema;
import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Format rules of the values an Airtable sync receives (HTTP 400 when broken). */
final class AirtableValues {

    static final int MAX_TABLES = 50;
    static final int MAX_FIELDS = 500;
    static final int MAX_RECORDS_PER_PAGE = 100;
    static final int MAX_REASON = 1000;

    private static final Pattern BASE_ID = Pattern.compile("app[A-Za-z0-9]{14}");
    private static final Pattern TABLE_ID = Pattern.compile("tbl[A-Za-z0-9]{14}");
    private static final Pattern FIELD_ID = Pattern.compile("fld[A-Za-z0-9]{14}");
    private static final Pattern TOKEN_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");

    private AirtableValues() {
    }

    static String baseId(String raw) {
        return matching("baseId", raw, BASE_ID, "must be an Airtable base id (app followed by 14 letters or digits)");
    }

    static String tableId(String field, String raw) {
        return matching(field, raw, TABLE_ID, "must be an Airtable table id (tbl followed by 14 letters or digits)");
    }

    /** A reference to the token in the secret store; the message never echoes the value, which may be a pasted token. */
    static String tokenRef(String raw) {
        return matching("tokenRef", raw, TOKEN_REF,
                "must be a reference name of 1-128 letters, digits or . _ : / - (never the token itself)");
    }

    static List<String> tableIds(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidValueException("tableIds", "must name at least one table");
        }
        if (raw.size() > MAX_TABLES) {
            throw new InvalidValueException("tableIds", "must name at most " + MAX_TABLES + " tables");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String id = tableId("tableIds[" + i + "]", raw.get(i));
            if (!seen.add(id)) {
                throw new InvalidValueException("tableIds[" + i + "]", "repeats table " + id);
            }
        }
        return List.copyOf(raw);
    }

    /** Checks the format of a fetched schema; whether it matches the sync's tables is a rule of the aggregate. */
    static List<TableSchema> schema(List<TableSchema> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidValueException("tables", "must contain at least one table");
        }
        List<TableSchema> tables = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            tables.add(table("tables[" + i + "]", raw.get(i)));
        }
        return List.copyOf(tables);
    }

    static int recordCount(int count) {
        if (count < 0 || count > MAX_RECORDS_PER_PAGE) {
            throw new InvalidValueException("recordCount", "must be between 0 and " + MAX_RECORDS_PER_PAGE + " (an Airtable page)");
        }
        return count;
    }

    static int pageNumber(int page) {
        if (page < 1) {
            throw new InvalidValueException("pageNumber", "must be at least 1");
        }
        return page;
    }

    /** A failure reason: required, at most 1000 characters; line breaks and tabs allowed. */
    static String reason(String raw) {
        return Text.requireText("reason", raw, MAX_REASON);
    }

    private static TableSchema table(String field, TableSchema raw) {
        if (raw == null) {
            throw new InvalidValueException(field, "must not be null");
        }
        String id = tableId(field + ".tableId", raw.tableId());
        String name = Text.requireName(field + ".name", raw.name(), 255);
        List<FieldSchema> rawFields = raw.fields();
        if (rawFields == null || rawFields.isEmpty()) {
            throw new InvalidValueException(field + ".fields", "must contain at least one field");
        }
        if (rawFields.size() > MAX_FIELDS) {
            throw new InvalidValueException(field + ".fields", "must contain at most " + MAX_FIELDS + " fields");
        }
        List<FieldSchema> fields = new ArrayList<>(rawFields.size());
        for (int i = 0; i < rawFields.size(); i++) {
            fields.add(field(field + ".fields[" + i + "]", rawFields.get(i)));
        }
        return new TableSchema(id, name, List.copyOf(fields));
    }

    private static FieldSchema field(String field, FieldSchema raw) {
        if (raw == null) {
            throw new InvalidValueException(field, "must not be null");
        }
        return new FieldSchema(
                matching(field + ".id", raw.id(), FIELD_ID, "must be an Airtable field id (fld followed by 14 letters or digits)"),
                Text.requireName(field + ".name", raw.name(), 255),
                Text.requireName(field + ".type", raw.type(), 100));
    }

    private static String matching(String field, String raw, Pattern pattern, String rule) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        if (!pattern.matcher(raw).matches()) {
            throw new InvalidValueException(field, rule);
        }
        return raw;
    }
}
