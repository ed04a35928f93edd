package io.baseplane.saga.ops;

import io.baseplane.kernel.common.InvalidInput;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.Text;
import io.baseplane.kernel.saga.SagaStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Which saga instances a list or a batch action is about; a null field does not filter.
 *
 * @param startedAfter  started at or after this instant
 * @param startedBefore started before this instant
 * @param q             part of the key, the saga id, the current step or the last error, in any case
 */
public record SagaFilter(String type, SagaStatus status, UUID tenantId, Boolean stuck, Instant startedAfter,
                         Instant startedBefore, String q) {

    static final int MAX_QUERY_LENGTH = 200;
    /** Years PostgreSQL stores and people mean; beyond them a bound is a typo. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public static final SagaFilter NONE = new SagaFilter(null, null, null, null, null, null, null);

    /** The filter as it arrives, query parameters or a batch's JSON: text to be checked. */
    public record Raw(String type, String status, String tenantId, String stuck, String startedAfter,
                      String startedBefore, String q) {
    }

    /**
     * Checks every field; a bad one is refused naming {@code prefix + field} (the batch body's filter is
     * {@code filter.status}, the list's query parameter plainly {@code status}).
     */
    public static SagaFilter parse(Raw raw, String prefix) {
        if (raw == null) {
            return NONE;
        }
        InvalidInput input = new InvalidInput();
        String after = prefix + "startedAfter";
        String before = prefix + "startedBefore";
        SagaFilter filter = new SagaFilter(
                blank(raw.type()) ? null : input.check(() -> SagaTypes.parse(prefix + "type", raw.type())),
                blank(raw.status()) ? null : input.check(() -> status(prefix + "status", raw.status())),
                blank(raw.tenantId()) ? null : input.check(() -> uuid(prefix + "tenantId", raw.tenantId())),
                blank(raw.stuck()) ? null : input.check(() -> bool(prefix + "stuck", raw.stuck())),
                blank(raw.startedAfter()) ? null : input.check(() -> instant(after, raw.startedAfter())),
                blank(raw.startedBefore()) ? null : input.check(() -> instant(before, raw.startedBefore())),
                input.check(() -> query(prefix + "q", raw.q())));
        input.throwIfAny();
        return filter;
    }

    /** The fields that filter, as JSON-ready values, for the record a batch job keeps of its filter. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfSet(map, "type", type);
        putIfSet(map, "status", status == null ? null : status.name());
        putIfSet(map, "tenantId", tenantId == null ? null : tenantId.toString());
        putIfSet(map, "stuck", stuck);
        putIfSet(map, "startedAfter", startedAfter == null ? null : startedAfter.toString());
        putIfSet(map, "startedBefore", startedBefore == null ? null : startedBefore.toString());
        putIfSet(map, "q", q);
        return map;
    }

    private static SagaStatus status(String field, String raw) {
        try {
            return SagaStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "must be one of RUNNING, RETRYING, PARKED, COMPENSATING, "
                    + "COMPLETED, FAILED, COMPENSATED, COMPENSATION_FAILED");
        }
    }

    private static UUID uuid(String field, String raw) {
        try {
            String value = raw.strip();
            UUID uuid = UUID.fromString(value);
            // UUID.fromString accepts shortened groups ("1-1-1-1-1"); only the canonical form names a tenant.
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "must be a UUID");
        }
    }

    private static boolean bool(String field, String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidValueException(field, "must be true or false");
        };
    }

    /** ISO-8601 with a zone offset, e.g. {@code 2026-01-31T12:00:00Z}. */
    private static Instant instant(String field, String raw) {
        Instant instant;
        try {
            instant = Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidValueException(field, "must be between the years 1 and 9999");
        }
        return instant;
    }

    private static String query(String field, String raw) {
        String text = Text.optionalText(field, raw, MAX_QUERY_LENGTH).strip();
        return text.isEmpty() ? null : text;
    }

    private static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
