/**
 * The saga journal: each step transition of each saga, as rows the operators' dashboard reads with SQL,
 * without deserialising saga state.
 */
package io.baseplane.saga.journal;
