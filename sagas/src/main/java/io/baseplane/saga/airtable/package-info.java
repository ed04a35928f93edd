/**
 * The AirtableSyncRun saga and the staging of the records it imports: pages wait in a run's staging rows
 * and replace the sync's visible records only when the run completes; a failed run's rows are discarded.
 */
package io.baseplane.saga.airtable;
