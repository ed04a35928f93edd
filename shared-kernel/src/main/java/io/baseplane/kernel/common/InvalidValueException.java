package io.baseplane.kernel.common;

/** A value broke its format rules (HTTP 400, reported against {@link #field()}). */
public class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super("invalid-value", field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The rule text without the field name, for per-field error lists. */
    public String reason() {
        return getMessage().substring(field.length() + 1);
    }
}
