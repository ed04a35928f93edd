package io.baseplane.app.ops;

import java.util.Set;

/** The processors an in-place replay is rebuilding now: their status is {@code replaying}, even while held stopped. */
public interface ReplayActivity {

    Set<String> replayingInPlace();
}
