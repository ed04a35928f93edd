/**
 * Read models of the Airtable context (processing group {@code airtable-sync-view}): the sync with a summary
 * of its latest run, and every run with its progress per table. Runs are part of the sync aggregate, so
 * both views are versioned by the sync's event sequence numbers.
 */
package io.baseplane.projection.airtable;
