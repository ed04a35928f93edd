/**
 * Published language of the tenant read side: the queries a client may ask about a tenant and the views
 * they answer with. Every view carries the version of the aggregate it reflects.
 */
package io.baseplane.kernel.tenant.query;
