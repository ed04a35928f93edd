/**
 * Operators' view and control of the event processors on every node (issue 13, docs/adr/0022): what each processor
 * is, where its segments are and how far behind the head it is; pausing and resuming it everywhere through the
 * database. Replays are in {@code replay}.
 */
package io.baseplane.app.ops;
