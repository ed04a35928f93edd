package io.baseplane.app.ops;

import io.baseplane.app.axon.PlatformProcessors;
import io.baseplane.kernel.common.CurrentCaller;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.saga.ops.Operator;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event processors of all nodes, and pausing or resuming one everywhere. A pause is accepted (202) once recorded;
 * each node stops its instance within a supervisor tick.
 */
@RestController
@RequestMapping("/api/v1/ops/processors")
class ProcessorController {


    private final ProcessorOverview overview;
    private final ProcessorControls controls;
    private final ReplayActivity replays;
    private final CurrentCaller caller;

    ProcessorController(ProcessorOverview overview, ProcessorControls controls, ReplayActivity replays,
                        CurrentCaller caller) {
        this.overview = overview;
        this.controls = controls;
        this.replays = replays;
        this.caller = caller;
    }

    @GetMapping
    Map<String, List<ProcessorView>> all() {
        return Map.of("processors", overview.all());
    }

    @GetMapping("/{name}")
    ProcessorView one(@PathVariable String name) {
        return overview.one(name);
    }

    @PostMapping("/{name}/pause")
    ResponseEntity<ProcessorView> pause(@PathVariable String name,
                                        @RequestBody(required = false) OperatorReason request) {
        String pausable = pausable(name);
        if (replays.withUnfinishedReplay().contains(pausable)) {
            // A replay holds, bounds and releases the processor itself; a pause in between would stall it.
            throw new RuleViolationException("processor.replaying", "Processor " + name
                    + " is being replayed; cancel the replay, or wait until it is finished, before pausing it");
        }
        controls.pause(pausable, OperatorReason.of(request), Operator.current(caller));
        return ResponseEntity.accepted().body(overview.one(name));
    }

    @PostMapping("/{name}/resume")
    ResponseEntity<ProcessorView> resume(@PathVariable String name,
                                         @RequestBody(required = false) OperatorReason request) {
        controls.resume(pausable(name), OperatorReason.of(request), Operator.current(caller));
        return ResponseEntity.accepted().body(overview.one(name));
    }

    private static String pausable(String name) {
        if (PlatformProcessors.kindOf(ProcessorOverview.require(name)) == PlatformProcessors.Kind.LOOKUP) {
            throw new RuleViolationException("processor.not-pausable", "Processor " + name
                    + " keeps the command side's lookup tables inside each command's transaction; pausing it would"
                    + " stop every command");
        }
        return name;
    }
}
