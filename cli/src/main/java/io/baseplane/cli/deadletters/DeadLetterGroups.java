package io.baseplane.cli.deadletters;

import java.util.List;

/** GET /api/v1/ops/dead-letters. */
record DeadLetterGroups(List<DeadLetterGroup> groups) {

    DeadLetterGroups {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
