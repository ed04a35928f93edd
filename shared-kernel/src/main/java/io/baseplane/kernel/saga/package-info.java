/**
 * Operators' actions on saga instances, as events: each is recorded in the event log (who, when, why) and
 * reaches the saga through its {@code sagaId} association on whichever node holds the saga's segment.
 */
package io.baseplane.kernel.saga;
