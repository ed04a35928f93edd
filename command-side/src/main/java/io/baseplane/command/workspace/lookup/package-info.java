/**
 * The workspace lookup tables: claimed names per tenant (uniqueness) and member counts per workspace
 * (plan downgrades). Written by subscribing event handlers inside the transaction that stores the
 * Workspace's events, so the command side never decides on stale data. Whether a new workspace's id is
 * free is read from the event store itself ({@link StoredAggregateIdentifiers}), which already holds every id.
 */
package io.baseplane.command.workspace.lookup;
