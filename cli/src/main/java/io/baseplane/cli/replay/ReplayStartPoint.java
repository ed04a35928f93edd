package io.baseplane.cli.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** --from: "beginning", a global index (sent as a number) or an ISO-8601 instant (sent in UTC). */
final class ReplayStartPoint implements ITypeConverter<Object> {

    static final String BEGINNING = "beginning";

    @Override
    public Object convert(String text) {
        if (BEGINNING.equalsIgnoreCase(text)) {
            return BEGINNING;
        }
        try {
            if (text.matches("\\d+")) {
                return Long.parseLong(text);
            }
            return Instant.parse(text).toString();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new TypeConversionException("'" + text
                    + "' is neither 'beginning', a global index nor a timestamp like 2026-12-01T00:00:00Z");
        }
    }
}
