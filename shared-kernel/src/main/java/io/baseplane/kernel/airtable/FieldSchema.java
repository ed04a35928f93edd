package io.baseplane.kernel.airtable;

/** One field of an Airtable table as the schema fetch found it, e.g. {@code fldXXXXXXXXXXXXXX}, "Name", "singleLineText". */
public record FieldSchema(String id, String name, String type) {
}
