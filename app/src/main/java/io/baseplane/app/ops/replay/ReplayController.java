package io.baseplane.app.ops.replay;

import io.baseplane.app.ops.OperatorReason;
import io.baseplane.kernel.common.CurrentCaller;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.saga.ops.Operator;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Replays of view processors: start, follow, compare, switch, cancel. */
@RestController
@RequestMapping("/api/v1/ops/replays")
class ReplayController {

    private static final String REPLAYS = "/api/v1/ops/replays/";


    private final Replays replays;
    private final CurrentCaller caller;

    ReplayController(Replays replays, CurrentCaller caller) {
        this.replays = replays;
        this.caller = caller;
    }

    @PostMapping
    ResponseEntity<ReplayView> start(@RequestBody ReplayRequest request) {
        Replay replay = replays.start(request, Operator.current(caller));
        return ResponseEntity.accepted().location(URI.create(REPLAYS + replay.id())).body(ReplayView.of(replay));
    }

    @GetMapping
    Map<String, List<ReplayView>> all() {
        return Map.of("replays", replays.recent().stream().map(ReplayView::of).toList());
    }

    @GetMapping("/{id}")
    ReplayView one(@PathVariable String id) {
        return ReplayView.of(replays.get(replayId(id)));
    }

    @GetMapping("/{id}/diff")
    Map<String, Object> diff(@PathVariable String id) {
        UUID replayId = replayId(id);
        ViewDiff diff = replays.diff(replayId);
        return Map.of("replayId", replayId.toString(), "empty", diff.empty(), "rows", diff.rows(),
                "tables", diff.tables());
    }

    /** A DELETE carries its reason as a parameter: bodies of DELETE requests are dropped by some proxies. */
    @DeleteMapping("/{id}")
    ResponseEntity<ReplayView> cancel(@PathVariable String id, @RequestParam(required = false) String reason) {
        return ResponseEntity.accepted()
                .body(ReplayView.of(replays.cancel(replayId(id), reason, Operator.current(caller))));
    }

    @PostMapping("/{id}/switch")
    ResponseEntity<ReplayView> switchOver(@PathVariable String id,
                                          @RequestBody(required = false) OperatorReason request) {
        Replay replay = replays.switchOver(replayId(id), OperatorReason.of(request), Operator.current(caller));
        return ResponseEntity.accepted().body(ReplayView.of(replay));
    }

    @DeleteMapping("/{id}/previous")
    ReplayView dropPrevious(@PathVariable String id, @RequestParam(required = false) String reason) {
        return ReplayView.of(replays.dropPrevious(replayId(id), reason, Operator.current(caller)));
    }

    private static UUID replayId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", "must be a replay id (a UUID)");
        }
    }
}
