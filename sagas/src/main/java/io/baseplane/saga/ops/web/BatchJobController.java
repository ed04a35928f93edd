package io.baseplane.saga.ops.web;

import io.baseplane.saga.ops.BatchJob;
import io.baseplane.saga.ops.BatchJobs;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Progress of a batch action, from any node. */
@RestController
class BatchJobController {

    private final BatchJobs jobs;

    BatchJobController(BatchJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/v1/ops/jobs/{jobId}")
    ResponseEntity<BatchJob> job(@PathVariable UUID jobId) {
        return ResponseEntity.ok(jobs.find(jobId));
    }
}
