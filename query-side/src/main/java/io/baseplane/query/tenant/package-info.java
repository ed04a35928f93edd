/** Queries of the tenant read side: the handlers, where tenant isolation is enforced, and their REST adapter. */
package io.baseplane.query.tenant;
