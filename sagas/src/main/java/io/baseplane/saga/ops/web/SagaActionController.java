package io.baseplane.saga.ops.web;

import io.baseplane.kernel.common.CurrentCaller;
import io.baseplane.saga.ops.BatchJob;
import io.baseplane.saga.ops.BatchJobs;
import io.baseplane.saga.ops.Operator;
import io.baseplane.saga.ops.SagaActions;
import io.baseplane.saga.ops.SagaSummary;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' actions on sagas. Each is accepted (202) once recorded: the saga acts on it when it handles the
 * request event, on whichever node holds it. The answer is the saga as it stands at that moment.
 */
@RestController
@RequestMapping("/api/v1/ops/sagas")
class SagaActionController {

    private final SagaActions actions;
    private final BatchJobs jobs;
    private final CurrentCaller caller;

    SagaActionController(SagaActions actions, BatchJobs jobs, CurrentCaller caller) {
        this.actions = actions;
        this.jobs = jobs;
        this.caller = caller;
    }

    @PostMapping("/{sagaId}/retry")
    ResponseEntity<SagaSummary> retry(@PathVariable String sagaId,
                                      @RequestBody(required = false) OpsRequests.Reason request) {
        return ResponseEntity.accepted()
                .body(actions.retry(sagaId, OpsRequests.Reason.of(request), Operator.current(caller)));
    }

    @PostMapping("/{sagaId}/abort")
    ResponseEntity<SagaSummary> abort(@PathVariable String sagaId,
                                      @RequestBody(required = false) OpsRequests.Reason request) {
        return ResponseEntity.accepted()
                .body(actions.abort(sagaId, OpsRequests.Reason.of(request), Operator.current(caller)));
    }

    @PostMapping("/{sagaId}/deadlines/{deadlineId}/fire")
    ResponseEntity<SagaSummary> fireDeadline(@PathVariable String sagaId, @PathVariable String deadlineId,
                                             @RequestBody(required = false) OpsRequests.Reason request) {
        return ResponseEntity.accepted().body(actions.fireDeadline(
                sagaId, deadlineId, OpsRequests.Reason.of(request), Operator.current(caller)));
    }

    /** A dry run answers the count (200); a real one starts a job (202, Location of the job). */
    @PostMapping("/batch")
    ResponseEntity<Object> batch(@RequestBody OpsRequests.Batch request) {
        if (request.dry()) {
            return ResponseEntity.ok(Map.of("count", jobs.count(request.sagaFilter(), request.requiredAction())));
        }
        BatchJob job = jobs.start(request.sagaFilter(), request.requiredAction(), request.reason(),
                Operator.current(caller));
        return ResponseEntity.accepted().location(URI.create("/api/v1/ops/jobs/" + job.jobId())).body(job);
    }
}
