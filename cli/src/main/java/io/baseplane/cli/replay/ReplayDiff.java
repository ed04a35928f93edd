package io.baseplane.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** GET /api/v1/ops/replays/{id}/diff: how the shadow tables of a blue-green replay differ from the live ones. */
record ReplayDiff(String replayId, boolean empty, List<TableDiff> tables) {

    ReplayDiff {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    record TableDiff(String table, long onlyInLive, long onlyInShadow, long different, List<Sample> samples) {

        TableDiff {
            samples = samples == null ? List.of() : List.copyOf(samples);
        }
    }

    /** @param kind only-in-live, only-in-shadow or different; live or shadow is null where the row is missing */
    record Sample(String kind, String aggregateId, JsonNode key, JsonNode live, JsonNode shadow) {
    }
}
