/**
 * The workspace view (tables {@code workspace_view} and {@code workspace_member_view}), kept by the
 * {@code workspace-view} processing group from the workspace's events. Discarded workspaces keep their row,
 * marked {@code DISCARDED}, so that a late repeat of an older event cannot bring them back; the queries
 * never show them. Each change is also published to the subscription queries watching the workspace.
 */
package io.baseplane.projection.workspace;
