package io.baseplane.app.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Failures that differ only in the values of one event share a fingerprint; different failures do not. */
class ErrorFingerprintTest {

    @Test
    void idsQuotedValuesTimesAndLongNumbersAreMaskedWhileTheWordsAndSmallNumbersStay() {
        String masked = ErrorFingerprint.mask("Workspace 3f2b6c1e-9a4d-4c7e-8f00-1234567890ab named 'Design Ops' "
                + "at 2026-12-04T10:15:30.123Z has 3 members, index 184467 and \"a \"quoted\" value\"");

        assertThat(masked).isEqualTo("Workspace <uuid> named <value> at <time> has 3 members, index <number> and "
                + "<value>quoted<value>");
        assertThat(ErrorFingerprint.mask(null)).isEmpty();
    }

    @Test
    void theSameFailureOnOtherEventsHasTheSameIdAndAnotherFailureAnother() {
        ErrorFingerprint one = ErrorFingerprint.of("java.lang.IllegalStateException",
                "Workspace 3f2b6c1e-9a4d-4c7e-8f00-1234567890ab named 'a'");
        ErrorFingerprint other = ErrorFingerprint.of("java.lang.IllegalStateException",
                "Workspace 0c4f1d2e-1111-4aaa-9bbb-abcdefabcdef named 'b'");
        ErrorFingerprint anotherType = ErrorFingerprint.of("java.lang.IllegalArgumentException",
                "Workspace 0c4f1d2e-1111-4aaa-9bbb-abcdefabcdef named 'b'");

        assertThat(one).isEqualTo(other);
        assertThat(one.id()).isEqualTo(other.id()).matches("[0-9a-f]{12}");
        assertThat(anotherType.id()).isNotEqualTo(one.id());
        assertThat(ErrorFingerprint.NO_FAILURE.id()).isNotEqualTo(one.id()).matches("[0-9a-f]{12}");
    }
}
