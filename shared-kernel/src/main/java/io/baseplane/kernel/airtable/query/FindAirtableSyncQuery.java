package io.baseplane.kernel.airtable.query;

import io.baseplane.kernel.airtable.AirtableSyncId;

/** One Airtable sync, answered with an {@link AirtableSyncView}. */
public record FindAirtableSyncQuery(AirtableSyncId syncId) {
}
