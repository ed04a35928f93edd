/**
 * The Workflow aggregate (a definition in a workspace) and the WorkflowRun aggregate (one execution: steps
 * in order, succeeded steps compensated in reverse order when one fails for good).
 */
package io.baseplane.command.workflow;
