package io.baseplane.kernel.airtable;

import java.util.List;

/** One Airtable table of the synchronised base, with its fields. */
public record TableSchema(String tableId, String name, List<FieldSchema> fields) {
}
