/**
 * Read models of the workflow context (processing group {@code workflow-view}): workflow definitions per
 * workspace, and workflow runs with the status of every step. A workflow and each of its runs are separate
 * aggregates, so each view is versioned by its own aggregate's sequence numbers. The group also notes which
 * workspaces exist and whose they are, to tell an empty workspace from an unknown or foreign one.
 */
package io.baseplane.projection.workflow;
