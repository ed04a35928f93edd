package io.baseplane.app.web;

import io.baseplane.kernel.common.InvalidValueException;
import org.axonframework.common.ExceptionUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What was wrong with a JSON body Jackson could not read, as the field it concerns and why: a field of the
 * wrong type, one the request does not have, one given twice, or the body itself when it is not JSON at all.
 */
final class UnreadableJson {

    private static final String BODY = "body";

    private UnreadableJson() {
    }

    static InvalidValueException describe(Throwable failure) {
        // The innermost exception that knows the field's path; a wrapper may not.
        JacksonException jackson = ExceptionUtils.findException(failure,
                        t -> t instanceof JacksonException j && !j.getPath().isEmpty())
                .or(() -> ExceptionUtils.findException(failure, t -> t instanceof JacksonException))
                .map(JacksonException.class::cast).orElse(null);
        if (jackson == null) {
            return new InvalidValueException(BODY, "is not valid JSON");
        }
        if (jackson instanceof UnrecognizedPropertyException) {
            return new InvalidValueException(fieldOf(jackson), "is not a field of this request");
        }
        String original = jackson.getOriginalMessage();
        if (original != null && original.startsWith("Trailing token")) {
            // Content after the value, or (Jackson 3.1 misreads a list in a list of strings this way) a value
            // where it does not belong: no field can be named with certainty.
            return new InvalidValueException(BODY, "holds content after its value or a value where none belongs");
        }
        if (jackson instanceof StreamConstraintsException) {
            return new InvalidValueException(BODY, "is too deeply nested or too large");
        }
        if (jackson instanceof StreamReadException read) {
            if (original != null && original.startsWith("Duplicate")) {
                return new InvalidValueException(whereTheParserIs(read), "is given more than once");
            }
            return new InvalidValueException(BODY, "is not valid JSON" + at(read.getLocation()));
        }
        return new InvalidValueException(fieldOf(jackson), "has a wrong type or an unknown value");
    }

    /**
     * The reference path of a field that could not be bound ({@code steps[1].type}); where Jackson kept none (an
     * element of a list of strings), where the parser stood; the body if neither is known.
     */
    private static String fieldOf(JacksonException failure) {
        String field = failure.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
        return field.isEmpty() ? whereTheParserIs(failure) : field;
    }

    /** Where the parser stood when it failed (for a duplicate key: that key, within its parents), or the body. */
    private static String whereTheParserIs(JacksonException failure) {
        if (!(failure.processor() instanceof JsonParser parser)) {
            return BODY;
        }
        StringBuilder field = new StringBuilder();
        for (JsonPointer at = parser.streamReadContext().pathAsPointer(); !at.matches(); at = at.tail()) {
            if (at.getMatchingIndex() >= 0 && at.getMatchingProperty().chars().allMatch(Character::isDigit)) {
                field.append('[').append(at.getMatchingIndex()).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(at.getMatchingProperty());
            }
        }
        return field.isEmpty() ? BODY : field.toString();
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
