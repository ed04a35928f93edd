package io.baseplane.command.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one definition of "the same workspace name". */
class WorkspaceNamesTest {

    @Test
    void namesDifferingOnlyInCaseOrSurroundingSpaceAreTheSame() {
        assertThat(WorkspaceNames.key("  Design ")).isEqualTo(WorkspaceNames.key("DESIGN"));
    }

    @Test
    void composedAndDecomposedAccentsAreTheSame() {
        assertThat(WorkspaceNames.key("Caf\u00e9")).isEqualTo(WorkspaceNames.key("CAFE\u0301"));
    }

    @Test
    void caseFoldingDoesNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            // Under a Turkish default locale, "I".toLowerCase() would be a dotless i.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(WorkspaceNames.key("INFO")).isEqualTo("info");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(WorkspaceNames.key("Design")).isNotEqualTo(WorkspaceNames.key("Designs"));
    }
}
