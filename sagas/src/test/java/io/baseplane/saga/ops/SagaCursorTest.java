package io.baseplane.saga.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baseplane.kernel.common.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SagaCursorTest {

    @Test
    void aCursorComesBackAsItWentOutToTheMicrosecond() {
        SagaCursor cursor = new SagaCursor(SagaSort.STALEST, Instant.parse("2026-03-01T10:15:30.123456Z"), "saga-1");

        assertThat(SagaCursor.decode(cursor.encode(), SagaSort.STALEST)).isEqualTo(cursor);
    }

    @Test
    void instantsBeforeTheEpochAndSagaIdsWithTheSeparatorSurvive() {
        SagaCursor cursor = new SagaCursor(SagaSort.NEWEST, Instant.parse("1969-12-31T23:59:59.999999Z"), "a|b");

        assertThat(SagaCursor.decode(cursor.encode(), SagaSort.NEWEST)).isEqualTo(cursor);
    }

    @Test
    void theEncodingIsOpaqueAndSafeInAUrl() {
        String encoded = new SagaCursor(SagaSort.STALEST, Instant.now(), "0b4c5d6e-1111-4222-8333-944455556666")
                .encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+").doesNotContain("STALEST");
    }

    @Test
    void aCursorOfTheOtherOrderIsRefused() {
        String newest = new SagaCursor(SagaSort.NEWEST, Instant.now(), "saga-1").encode();

        assertRefused(newest, SagaSort.STALEST);
    }

    @Test
    void anythingElseIsRefusedAsTheCursorField() {
        assertRefused("not base64 !", SagaSort.STALEST);
        assertRefused(base64("STALEST|12"), SagaSort.STALEST);
        assertRefused(base64("STALEST|soon|saga-1"), SagaSort.STALEST);
        assertRefused(base64("STALEST|12|"), SagaSort.STALEST);
        assertRefused(base64("STALEST|" + Long.MAX_VALUE + "|saga-1"), SagaSort.STALEST);
        assertRefused(base64("STALEST|12|" + "x".repeat(256)), SagaSort.STALEST);
        assertRefused("", SagaSort.STALEST);
    }

    private static void assertRefused(String encoded, SagaSort sort) {
        assertThatThrownBy(() -> SagaCursor.decode(encoded, sort))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    private static String base64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
