/**
 * Published language of the workspace read side: the queries a client may ask about workspaces and their
 * members, and the views they answer with. Every view carries the version of the aggregate it reflects.
 * Discarded workspaces never appear in any answer.
 */
package io.baseplane.kernel.workspace.query;
