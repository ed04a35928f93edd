/**
 * Query handlers of the Airtable context. Tenant isolation is enforced here, where the data is: a sync or
 * run of another tenant is answered exactly like an unknown one.
 */
package io.baseplane.query.airtable;
