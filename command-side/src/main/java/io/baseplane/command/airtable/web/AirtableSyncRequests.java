package io.baseplane.command.airtable.web;

import java.util.List;

/** Request bodies of the Airtable sync endpoints; their values are checked by the aggregate (400 per field). */
final class AirtableSyncRequests {

    private AirtableSyncRequests() {
    }

    /**
     * {@code id} is optional: a client that chooses it can retry a connect safely. {@code tokenRef} names the
     * access token in the secret store; the token itself is never sent.
     */
    record Connect(String id, String baseId, List<String> tableIds, String tokenRef) {
    }

    /**
     * The body is optional and has no fields. Run ids are always the platform's: the run saga is found by
     * the run id alone, so an id chosen twice (on another sync, or another tenant's) must never happen.
     * A client retries safely with {@code Idempotency-Key}.
     */
    record RequestRun() {
    }
}
