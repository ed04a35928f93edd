/**
 * The tenant directory lookup table: how the command side answers "what plan is this tenant on, is it
 * suspended" while deciding a Workspace command. Written by a subscribing event handler inside the
 * transaction that stores the Tenant's events, so it is never behind the event store.
 */
package io.baseplane.command.tenant.lookup;
