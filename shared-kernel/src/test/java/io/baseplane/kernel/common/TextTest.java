package io.baseplane.kernel.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void aNameIsStrippedOfSurroundingWhitespace() {
        assertThat(Text.requireName("name", "  Design  ", 100)).isEqualTo("Design");
    }

    @Test
    void aNameMayHaveExactlyTheMaximumNumberOfCharactersCountedAsCodePoints() {
        String hundredEmoji = "\uD83D\uDE00".repeat(100);

        assertThat(Text.requireName("name", hundredEmoji, 100)).isEqualTo(hundredEmoji);
        assertThatThrownBy(() -> Text.requireName("name", hundredEmoji + "x", 100))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("name must be at most 100 characters");
    }

    @Test
    void aBlankOrMissingNameIsRefused() {
        assertThatThrownBy(() -> Text.requireName("name", " \t ", 100)).hasMessage("name must not be blank");
        assertThatThrownBy(() -> Text.requireName("name", null, 100)).hasMessage("name must not be null");
    }

    @Test
    void controlAndInvisibleFormattingCharactersAreRefusedInNames() {
        for (String bad : new String[] {"a\u0000b", "a\nb", "a\u202Eb", "a\u200Bb", "a\uD800b", "\uFEFFa",
                "a\u2028b", "a\u2029b"}) {
            assertThatThrownBy(() -> Text.requireName("name", bad, 100))
                    .as(bad).hasMessage("name must not contain control characters");
        }
    }

    @Test
    void freeTextAllowsLineBreaksAndTabsButNoOtherControls() {
        assertThat(Text.optionalText("description", "line one\n\tline two\r\n", 100))
                .isEqualTo("line one\n\tline two\r\n");
        assertThat(Text.optionalText("description", null, 100)).isEmpty();
        assertThatThrownBy(() -> Text.optionalText("description", "bell\u0007", 100))
                .hasMessage("description must not contain control characters");
        // One rule for text: the Unicode line and paragraph separators are refused as the other invisibles are.
        for (String bad : new String[] {"line\u2028two", "para\u2029two", "zero\u200Bwidth"}) {
            assertThatThrownBy(() -> Text.optionalText("description", bad, 100)).as(bad)
                    .hasMessage("description must not contain control characters");
        }
    }

    @Test
    void requiredTextIsStrippedAndMustNotBeBlank() {
        assertThat(Text.requireText("reason", "  unpaid\n", 100)).isEqualTo("unpaid");
        assertThatThrownBy(() -> Text.requireText("reason", "\n ", 100)).hasMessage("reason must not be blank");
    }

    @Test
    void sanitizedTextIsAlwaysAcceptedAsAReason() {
        String hostile = "bad\u0000byte \u202Eevil\u0007 " + "\uD83D\uDE00".repeat(600) + "\uD83D";

        String reason = Text.sanitized(hostile, 500);

        assertThat(Text.requireText("reason", reason, 500)).isEqualTo(reason);
        assertThat(reason).startsWith("badbyte evil ").endsWith("…").doesNotContain("\u0000", "\u202E", "\u0007");
        assertThat(reason.codePointCount(0, reason.length())).isEqualTo(500);
        assertThat(Text.sanitized("line one\nline two\t", 100)).isEqualTo("line one\nline two");
        assertThat(Text.sanitized(" \u0000 ", 100)).isEqualTo("unknown");
        assertThat(Text.sanitized(null, 100)).isEqualTo("unknown");
    }
}
