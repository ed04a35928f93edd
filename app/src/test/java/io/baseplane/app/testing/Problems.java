package io.baseplane.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on RFC 9457 answers: the status, the media type, and that nothing internal leaked. */
public final class Problems {

    /** Fragments that only appear when a stack trace, an exception or SQL reaches the client. */
    private static final String[] INTERNALS = {
        "Exception", "\tat ", "at io.", "at org.", "at java.", "Caused by", "org.postgresql", "tools.jackson",
        "com.fasterxml", "org.axonframework", "io.baseplane.", "insert into", "select ", "SQLState", "trace"
    };

    private Problems() {
    }

    /** Asserts a problem+json answer with this status and returns its body. */
    public static JsonNode assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body()).as("no internals in the answer").doesNotContain(INTERNALS);
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).as(response.toString()).isEqualTo(status);
        // A stable type of ours on every refusal, Spring MVC's own (405, 415) included.
        assertThat(problem.path("type").asText()).as(response.toString()).startsWith("https://baseplane.io/problems/");
        return problem;
    }

    /** A 409 for a broken business rule, naming the rule. */
    public static JsonNode assertRuleViolation(Api.Response response, String code) {
        JsonNode problem = assertProblem(response, 409);
        assertThat(problem.path("code").asText()).as(response.toString()).isEqualTo(code);
        return problem;
    }

    /** A 400 whose per-field errors name this field. */
    public static JsonNode assertInvalidField(Api.Response response, String field) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("errors").findValuesAsText("field")).as(response.toString()).contains(field);
        return problem;
    }
}
