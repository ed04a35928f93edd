package io.baseplane.app.deadletter;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.projection.ReadModelGroups;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter API answers platform operators only, and refuses bad input and unknown targets with problem details
 * that name what is wrong; nothing is recorded for a refused action.
 */
class DeadLetterApiRefusalsTest extends PlatformTestBase {

    private static final String LIST = "/api/v1/ops/dead-letters";
    private static final String RETRY = "/api/v1/ops/dead-letters/retry";
    private static final String EVICT = "/api/v1/ops/dead-letters/evict";
    private static final String VIEW = ReadModelGroups.WORKSPACE_VIEW;

    @Test
    void onlyPlatformOperatorsMaySeeOrActOnDeadLetters() {
        Map<String, String> body = body("sequence", UUID.randomUUID().toString());
        String tenantId = UUID.randomUUID().toString();

        for (Api caller : new Api[] {api, api.as(tokens.tenantAdmin(tenantId, "alice")),
                api.as(tokens.member(tenantId, "bob"))}) {
            int expected = caller == api ? 401 : 403;
            assertThat(caller.get(LIST).status()).isEqualTo(expected);
            assertThat(caller.post(RETRY, body).status()).isEqualTo(expected);
            assertThat(caller.post(EVICT, body).status()).isEqualTo(expected);
        }
        assertThat(api.as(tokens.operator()).get(LIST).status()).isEqualTo(200);
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        Api operator = api.as(tokens.operator());
        String sequence = UUID.randomUUID().toString();

        assertInvalidField(operator.get(LIST + "?processor=" + VIEW + "&group=not-a-group"), "group");
        assertInvalidField(operator.post(RETRY, Map.of("processor", VIEW, "reason", "because")), "group");
        assertInvalidField(operator.post(EVICT, Map.of("processor", VIEW, "group", "0123456789ab",
                "sequence", sequence, "reason", "because")), "sequence");
        assertInvalidField(operator.post(RETRY, Map.of("sequence", sequence, "reason", "because")), "processor");
        assertInvalidField(operator.post(RETRY, Map.of("processor", VIEW, "group", "XYZ", "reason", "because")),
                "group");
        assertInvalidField(operator.post(RETRY, Map.of("processor", VIEW, "sequence", "a\u0000b",
                "reason", "because")), "sequence");
        assertInvalidField(operator.post(RETRY, Map.of("processor", VIEW, "sequence", sequence)), "reason");
        assertInvalidField(operator.post(EVICT, body("sequence", sequence, "reason", " ")), "reason");
        assertInvalidField(operator.post(EVICT, body("sequence", sequence, "reason", "x".repeat(501))), "reason");
        assertInvalidField(operator.post(EVICT, body("sequence", sequence, "reason", "ok\u202Enot")), "reason");
        assertProblem(operator.post(RETRY, body("sequence", sequence, "force", "true")), 400);
        assertThat(recordedActions()).isZero();
    }

    @Test
    void processorsWithoutDeadLettersAndUnknownTargetsAreNotFound() {
        Api operator = api.as(tokens.operator());

        assertProblem(operator.get(LIST + "?processor=no-such-view"), 404);
        assertProblem(operator.get(LIST + "?processor=TenantOnboardingSagaProcessor"), 404);
        assertProblem(operator.post(RETRY, Map.of("processor", "TenantOnboardingSagaProcessor",
                "sequence", UUID.randomUUID().toString(), "reason", "because")), 404);
        assertProblem(operator.post(RETRY, body("sequence", UUID.randomUUID().toString())), 404);
        assertProblem(operator.post(RETRY, body("entry", UUID.randomUUID().toString())), 404);
        assertProblem(operator.post(RETRY, body("group", "0123456789ab")), 404);
        assertProblem(operator.post(EVICT, body("sequence", UUID.randomUUID().toString())), 404);
        assertProblem(operator.post(EVICT, body("entry", UUID.randomUUID().toString())), 404);
        assertProblem(operator.post(EVICT, body("group", "0123456789ab")), 404);
        assertThat(operator.get(LIST + "?processor=" + VIEW + "&group=0123456789ab").json().get("groups"))
                .as("an unknown group lists nothing").isEmpty();
        assertThat(recordedActions()).isZero();
    }

    private static Map<String, String> body(String selector, String value, String... more) {
        Map<String, String> body = new HashMap<>(Map.of("processor", VIEW, selector, value, "reason", "because"));
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        return body;
    }

    private long recordedActions() {
        return jdbc.queryForObject("select count(*) from audit_event_log where payload_type like "
                + "'io.baseplane.kernel.ops.DeadLetters%' and payload ->> 'reason' = 'because'", Long.class);
    }
}
