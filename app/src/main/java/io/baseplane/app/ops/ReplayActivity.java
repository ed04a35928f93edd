package io.baseplane.app.ops;

import java.util.Set;

/** What the replays are doing with the processors now. */
public interface ReplayActivity {

    /** The processors an in-place replay is rebuilding: their status is {@code replaying}, even while held stopped. */
    Set<String> replayingInPlace();

    /** The processors with a replay that is not finished. */
    Set<String> withUnfinishedReplay();
}
