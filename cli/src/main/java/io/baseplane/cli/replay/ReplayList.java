package io.baseplane.cli.replay;

import java.util.List;

/** GET /api/v1/ops/replays. */
record ReplayList(List<Replay> replays) {

    ReplayList {
        replays = replays == null ? List.of() : List.copyOf(replays);
    }
}
