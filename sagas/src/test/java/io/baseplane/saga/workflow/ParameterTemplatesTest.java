package io.baseplane.saga.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterTemplatesTest {

    @Test
    void fillsInputAndRunIdAndLeavesEverythingElse() {
        assertThat(ParameterTemplates.render("Order {{input.order}} of {{ runId }}: {{input.missing}}|{{other}}|$1\\",
                Map.of("order", "A-1"), "run-7"))
                .isEqualTo("Order A-1 of run-7: |{{other}}|$1\\");
    }

    @Test
    void rendersEveryParameterAndKeepsTheirOrder() {
        assertThat(ParameterTemplates.render(Map.of("url", "https://x/{{input.id}}"), Map.of("id", "$5"), "r"))
                .containsExactly(Map.entry("url", "https://x/$5"));
    }
}
