package io.baseplane.kernel.common;

import java.util.ArrayList;
import java.util.List;

/**
 * A value broke its format rules (HTTP 400, reported against {@link #field()}). It may stand for several at once
 * ({@link #all()}), so that a request with many bad values hears of all of them in one answer.
 */
public class InvalidValueException extends DomainException {

    private final String field;
    private final List<InvalidValueException> others;

    public InvalidValueException(String field, String message) {
        this(field, message, List.of());
    }

    private InvalidValueException(String field, String message, List<InvalidValueException> others) {
        super("invalid-value", field + " " + message);
        this.field = field;
        this.others = others;
    }

    /** The first of {@code errors}, standing for all of them. */
    public static InvalidValueException together(List<InvalidValueException> errors) {
        InvalidValueException first = errors.get(0);
        return new InvalidValueException(first.field, first.reason(), List.copyOf(errors.subList(1, errors.size())));
    }

    public String field() {
        return field;
    }

    /** The rule text without the field name, for per-field error lists. */
    public String reason() {
        return getMessage().substring(field.length() + 1);
    }

    /** This refusal and the others it stands for, in the order they were found. */
    public List<InvalidValueException> all() {
        List<InvalidValueException> all = new ArrayList<>(1 + others.size());
        all.add(this);
        all.addAll(others);
        return all;
    }
}
