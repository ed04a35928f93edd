package io.baseplane.kernel.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Every refusal survives being described, written as JSON (as the messages serializer does), read back and rebuilt:
 * same type, code, message, and what the web layer answers from (field names, versions, the identifier).
 */
class RefusalDetailsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void domainRefusalsKeepTheirTypeCodeAndMessage() throws Exception {
        List<DomainException> refusals = List.of(
                new RuleViolationException("workspace.duplicate-member", "bob is already a member"),
                new ForbiddenException("workspace.role-required", "Only a workspace ADMIN or higher may rename it"),
                new NotFoundException("workspace", "ws-9"));

        for (DomainException refusal : refusals) {
            DomainException rebuilt = (DomainException) travelled(refusal);

            assertThat(rebuilt).isExactlyInstanceOf(refusal.getClass());
            assertThat(rebuilt.code()).isEqualTo(refusal.code());
            assertThat(rebuilt.getMessage()).isEqualTo(refusal.getMessage());
        }
    }

    @Test
    void invalidValuesKeepEveryFieldInOrder() throws Exception {
        InvalidValueException refusal = InvalidValueException.together(List.of(
                new InvalidValueException("name", "must not be blank"),
                new InvalidValueException("tableIds[2]", "repeats table tblX")));

        InvalidValueException rebuilt = (InvalidValueException) travelled(refusal);

        assertThat(rebuilt.all()).extracting(InvalidValueException::field).containsExactly("name", "tableIds[2]");
        assertThat(rebuilt.all()).extracting(InvalidValueException::reason)
                .containsExactly("must not be blank", "repeats table tblX");
        assertThat(rebuilt.getMessage()).isEqualTo(refusal.getMessage());
    }

    @Test
    void axonsAnswersAboutAnAggregateKeepWhatTheyAreAnsweredBy() throws Exception {
        AggregateNotFoundException notFound = (AggregateNotFoundException) travelled(
                new AggregateNotFoundException("ws-1", "The aggregate was not found in the event store"));
        ConflictingAggregateVersionException conflict = (ConflictingAggregateVersionException) travelled(
                new ConflictingAggregateVersionException("ws-1", 3, 5));

        assertThat(notFound.getAggregateIdentifier()).isEqualTo("ws-1");
        assertThat(conflict.getAggregateIdentifier()).isEqualTo("ws-1");
        assertThat(conflict.getExpectedVersion()).isEqualTo(3);
        assertThat(conflict.getActualVersion()).isEqualTo(5);
        assertThat(travelled(new AggregateStreamCreationException("id in use")))
                .isExactlyInstanceOf(AggregateStreamCreationException.class).hasMessage("id in use");
        assertThat(travelled(new ConcurrencyException("sequence 3 taken")))
                .isExactlyInstanceOf(ConcurrencyException.class).hasMessage("sequence 3 taken");
    }

    @Test
    void theFirstRefusalInACauseChainIsTheOneDescribed() {
        RuntimeException wrapped = new IllegalStateException("handler failed",
                new RuleViolationException("tenant.suspended", "Tenant is suspended"));

        assertThat(RefusalDetails.describe(wrapped)).get()
                .extracting(RefusalDetails::kind, RefusalDetails::code)
                .containsExactly(RefusalDetails.Kind.RULE_VIOLATION, "tenant.suspended");
    }

    @Test
    void aTechnicalFailureIsNoRefusal() {
        assertThat(RefusalDetails.describe(new IllegalStateException("connection reset"))).isEmpty();
    }

    @Test
    void onlyDetailsOfARefusalAreRestoredAnythingElseStaysAsItIs() {
        CommandExecutionException remote = new CommandExecutionException("refused", null,
                RefusalDetails.describe(new NotFoundException("workspace", "ws-1")).orElseThrow());
        QueryExecutionException otherDetails = new QueryExecutionException("failed", null, "some other details");
        IllegalStateException plain = new IllegalStateException("boom");

        assertThat(RefusalDetails.restore(remote)).isExactlyInstanceOf(NotFoundException.class)
                .hasMessage("workspace ws-1 was not found");
        assertThat(RefusalDetails.restore(new IllegalStateException("wrapped", remote)))
                .isExactlyInstanceOf(NotFoundException.class);
        assertThat(RefusalDetails.restore(otherDetails)).isSameAs(otherDetails);
        assertThat(RefusalDetails.restore(plain)).isSameAs(plain);
    }

    private static RuntimeException travelled(RuntimeException refusal) throws Exception {
        RefusalDetails described = RefusalDetails.describe(refusal).orElseThrow();
        String json = JSON.writeValueAsString(described);
        return JSON.readValue(json, RefusalDetails.class).rebuild();
    }
}
