package io.baseplane.cli.replay;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** --interval: 500ms, 1s, 2m; a bare number is seconds. */
final class Interval implements ITypeConverter<Duration> {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+)(ms|s|m)?");

    @Override
    public Duration convert(String text) {
        Matcher amount = AMOUNT.matcher(text.strip());
        if (!amount.matches()) {
            throw new TypeConversionException("'" + text + "' is not a duration like 500ms, 1s or 2m");
        }
        long value = Long.parseLong(amount.group(1));
        String unit = amount.group(2) == null ? "s" : amount.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(value);
            case "m" -> Duration.ofMinutes(value);
            default -> Duration.ofSeconds(value);
        };
    }
}
