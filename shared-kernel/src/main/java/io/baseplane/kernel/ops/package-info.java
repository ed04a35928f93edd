/**
 * Operators' actions on the event processors, their replays and dead letters, as events: each is recorded in the event
 * log with who acted (the metadata's user), when, and the reason the operator gave. Nothing handles them; they are the
 * audit trail of operations.
 */
package io.baseplane.kernel.ops;
