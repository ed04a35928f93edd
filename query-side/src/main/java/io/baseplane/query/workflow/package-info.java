/**
 * Query handlers of the workflow context. Tenant isolation is enforced here, where the data is: a
 * workspace, workflow or run of another tenant is answered exactly like an unknown one.
 */
package io.baseplane.query.workflow;
