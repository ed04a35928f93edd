package io.baseplane.saga.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateRedactionTest {

    @Test
    void secretValuesAreReplacedAtAnyDepthWhateverTheirKeysCaseOrSeparators() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("runId", "run-1");
        state.put("tokenRef", "[vault:airtable]");
        state.put("steps", List.of(
                Map.of("name", "call", "headers", Map.of("Authorization", "Bearer abc", "Accept", "json")),
                Map.of("X-Api-Key", "k-1", "api_key", "k-2", "apiKey", "k-3", "userPassword", "hunter2")));
        state.put("client", Map.of("clientSecret", Map.of("value", "s-1"), "attempts", 3));

        Object redacted = StateRedaction.redact(state);

        assertThat(redacted).isEqualTo(Map.of(
                "runId", "run-1",
                "tokenRef", StateRedaction.REDACTED,
                "steps", List.of(
                        Map.of("name", "call", "headers", Map.of("Authorization", StateRedaction.REDACTED,
                                "Accept", "json")),
                        Map.of("X-Api-Key", StateRedaction.REDACTED, "api_key", StateRedaction.REDACTED,
                                "apiKey", StateRedaction.REDACTED, "userPassword", StateRedaction.REDACTED)),
                "client", Map.of("clientSecret", StateRedaction.REDACTED, "attempts", 3)));
        assertThat(redacted.toString()).doesNotContain("abc", "k-1", "k-2", "k-3", "hunter2", "s-1", "vault");
    }

    @Test
    void theInputIsLeftAsItWasAndScalarsAndNullsPassThrough() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("password", "p");
        state.put("note", null);

        StateRedaction.redact(state);

        assertThat(state).containsEntry("password", "p");
        assertThat(StateRedaction.redact("token")).isEqualTo("token");
        assertThat(StateRedaction.redact(null)).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> redacted = (Map<String, Object>) StateRedaction.redact(state);
        assertThat(redacted).containsEntry("password", StateRedaction.REDACTED).containsEntry("note", null);
    }

    @Test
    void ordinaryKeysAreNotSecrets() {
        assertThat(StateRedaction.isSecret("workspaceId")).isFalse();
        assertThat(StateRedaction.isSecret("keyword")).isFalse();
        assertThat(StateRedaction.isSecret("AUTHORIZATION")).isTrue();
        assertThat(StateRedaction.isSecret("refresh_token")).isTrue();
    }
}
