package io.baseplane.kernel.workspace.query;

import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import java.time.Instant;

/** A member of a workspace: their role, and since when they are a member. */
public record MemberView(UserId userId, WorkspaceRole role, Instant since) {
}
