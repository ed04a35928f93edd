package io.baseplane.saga.airtable;

import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.saga.airtable.client.AirtableException;
import io.baseplane.saga.airtable.client.RecordPage;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a call to Airtable made of the answer, as the sync saga gets it back from an outside call: the tables,
 * a page, a refusal (4xx, no token: the run fails) or unavailability (no answer, 5xx or 429 after the client's
 * own retries: tried again later). Reasons quote the client's messages, which name the request, the status and
 * Airtable's own error text, never the token.
 */
public sealed interface AirtableAnswer {

    record Tables(List<TableSchema> tables) implements AirtableAnswer {
    }

    record Page(RecordPage page) implements AirtableAnswer {
    }

    record Refused(String reason) implements AirtableAnswer {
    }

    record Unavailable(String reason) implements AirtableAnswer {
    }

    /** Runs one client call and names its outcome; any failure but an {@link AirtableException} propagates. */
    static AirtableAnswer of(Supplier<?> call) {
        try {
            Object answer = call.get();
            return answer instanceof RecordPage page ? new Page(page) : new Tables(tablesOf(answer));
        } catch (AirtableException e) {
            if (e.kind() == AirtableException.Kind.MISSING_TOKEN) {
                // The client's message names the token reference; the reason must not.
                return new Refused("no Airtable access token is configured under the sync's token reference");
            }
            return e.kind().permanent() ? new Refused(e.getMessage()) : new Unavailable(e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<TableSchema> tablesOf(Object answer) {
        return (List<TableSchema>) answer;
    }
}
