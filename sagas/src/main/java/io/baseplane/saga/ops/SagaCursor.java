package io.baseplane.saga.ops;

import io.baseplane.kernel.common.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where the next page of the saga list starts: after the row with this sort value and saga id (keyset paging,
 * so rows that appear or move meanwhile neither repeat nor shift a page). Clients get it as an opaque string;
 * it names its sort, so a cursor of one order is not taken for the other. Times are kept in microseconds,
 * PostgreSQL's precision, so the row a cursor names compares equal to itself.
 */
public record SagaCursor(SagaSort sort, Instant after, String sagaId) {

    private static final int MAX_SAGA_ID_LENGTH = 255;
    /** Cursors name times of saga rows; anything outside these years was not made here (and PostgreSQL may refuse it). */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public String encode() {
        String plain = sort.name() + "|" + ChronoUnit.MICROS.between(Instant.EPOCH, after) + "|" + sagaId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, for a list in {@code sort} order; anything else is refused as {@code cursor}. */
    static SagaCursor decode(String encoded, SagaSort sort) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 3);
            if (parts.length != 3 || !parts[0].equals(sort.name()) || parts[2].isEmpty()
                    || parts[2].length() > MAX_SAGA_ID_LENGTH) {
                throw new IllegalArgumentException();
            }
            Instant after = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            if (after.isBefore(EARLIEST) || after.isAfter(LATEST)) {
                throw new IllegalArgumentException();
            }
            return new SagaCursor(sort, after, parts[2]);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new InvalidValueException("cursor", "is not a cursor of this list (pass nextCursor back as it "
                    + "came, with the same sort)");
        }
    }
}
