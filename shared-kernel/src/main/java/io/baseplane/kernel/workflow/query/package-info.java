/**
 * Queries and views of the workflow bounded context: workflow definitions of a workspace, and workflow runs
 * with the status of every step.
 */
package io.baseplane.kernel.workflow.query;
