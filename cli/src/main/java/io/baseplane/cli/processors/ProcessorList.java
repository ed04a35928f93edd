package io.baseplane.cli.processors;

import java.util.List;

/** GET /api/v1/ops/processors. */
record ProcessorList(List<Processor> processors) {

    ProcessorList {
        processors = processors == null ? List.of() : List.copyOf(processors);
    }
}
