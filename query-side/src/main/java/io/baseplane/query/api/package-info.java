/**
 * What every query REST adapter shares: sending a query on behalf of the authenticated caller, ETags from
 * view versions, paging parameters, and read-your-writes through {@code X-Min-Version}.
 */
package io.baseplane.query.api;
