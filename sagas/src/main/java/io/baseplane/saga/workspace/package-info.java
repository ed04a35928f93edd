/** Processes that span the tenant and workspace aggregates: provisioning a workspace and undoing it. */
package io.baseplane.saga.workspace;
