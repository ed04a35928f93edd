package io.baseplane.saga.ops.web;

import io.baseplane.saga.ops.SagaDetail;
import io.baseplane.saga.ops.SagaDetails;
import io.baseplane.saga.ops.SagaFilter;
import io.baseplane.saga.ops.SagaInstances;
import io.baseplane.saga.ops.SagaOverview;
import io.baseplane.saga.ops.SagaPage;
import io.baseplane.saga.ops.SagaQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of saga instances: a filtered list, counts, one instance in full. Parameters arrive as
 * text and are checked by {@link SagaQuery}, so a bad one is refused naming it. Operators only (security layer).
 */
@RestController
@RequestMapping("/api/v1/ops/sagas")
class SagaExplorerController {

    private final SagaInstances instances;
    private final SagaDetails details;

    SagaExplorerController(SagaInstances instances, SagaDetails details) {
        this.instances = instances;
        this.details = details;
    }

    @GetMapping
    ResponseEntity<SagaPage> list(@RequestParam(required = false) String type,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String tenantId,
                                  @RequestParam(required = false) String stuck,
                                  @RequestParam(required = false) String startedAfter,
                                  @RequestParam(required = false) String startedBefore,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(required = false) String sort,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(required = false) String limit) {
        SagaFilter.Raw filter = new SagaFilter.Raw(type, status, tenantId, stuck, startedAfter, startedBefore, q);
        return ResponseEntity.ok(instances.list(SagaQuery.parse(filter, sort, cursor, limit)));
    }

    @GetMapping("/summary")
    ResponseEntity<SagaOverview> summary() {
        return ResponseEntity.ok(instances.overview());
    }

    @GetMapping("/{sagaId}")
    ResponseEntity<SagaDetail> detail(@PathVariable String sagaId) {
        return ResponseEntity.ok(details.of(sagaId));
    }
}
