package io.baseplane.app.deadletter;

import io.baseplane.kernel.common.CurrentCaller;
import io.baseplane.saga.ops.Operator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of the view processors' dead letters, and their two actions on them. Both actions are done when
 * answered (200) and recorded as events. Operators only (security layer: /api/v1/ops/**).
 */
@RestController
@RequestMapping("/api/v1/ops/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final CurrentCaller caller;

    DeadLetterController(DeadLetters deadLetters, CurrentCaller caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    @GetMapping
    ResponseEntity<DeadLetterListing.Groups> list(@RequestParam(required = false) String processor,
                                                  @RequestParam(required = false) String group) {
        return ResponseEntity.ok(deadLetters.list(processor, group));
    }

    @PostMapping("/retry")
    ResponseEntity<DeadLetters.Retried> retry(@RequestBody Action action) {
        return ResponseEntity.ok(deadLetters.retry(action.selection(), action.reason(), Operator.current(caller)));
    }

    @PostMapping("/evict")
    ResponseEntity<DeadLetters.Evicted> evict(@RequestBody Action action) {
        return ResponseEntity.ok(deadLetters.evict(action.selection(), action.reason(), Operator.current(caller)));
    }

    /** A retry or eviction: the processor, exactly one of group, sequence and entry, and why (1 to 500 characters). */
    record Action(String processor, String group, String sequence, String entry, String reason) {

        DeadLetterSelection selection() {
            return DeadLetterSelection.parse(processor, group, sequence, entry);
        }
    }
}
