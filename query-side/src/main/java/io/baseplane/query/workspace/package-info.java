/**
 * Queries of the workspace read side: the handlers, where tenant isolation is enforced, and their REST and
 * Server-Sent Events adapters.
 */
package io.baseplane.query.workspace;
