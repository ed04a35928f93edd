package io.baseplane.cli.replay;

import io.baseplane.cli.http.ApiClient;
import io.baseplane.cli.http.ApiErrorException;
import io.baseplane.cli.http.ApiResponse;
import io.baseplane.cli.http.ApiUnreachableException;
import io.baseplane.cli.http.Json;
import io.baseplane.cli.http.Urls;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Follows a replay until it ends. On a terminal one progress line is redrawn in place; otherwise (a pipe, a CI
 * log) a line is printed only when the status changes or another 10% is done, so a log stays short. A replay outlives
 * the node that answers (it goes on on another node, or after a restart), so while the platform does not answer
 * (unreachable, or 5xx) the watcher keeps asking for {@code --patience} before it gives up.
 */
final class ReplayWatcher {

    static final int SUCCEEDED = 0;
    static final int FAILED = 1;
    private static final int INTERRUPTED = 130;

    private final ApiClient api;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean json;
    private final Duration interval;
    private final Duration patience;

    private String lastStatus;
    private Instant unansweredSince;
    private int lastTenth = -1;
    private int lastLineLength;

    ReplayWatcher(ApiClient api, PrintWriter out, PrintWriter err, boolean terminal, boolean json,
                  WatchOptions options) {
        this.api = api;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.json = json;
        this.interval = options.interval;
        this.patience = options.patience;
    }

    static String path(String replayId) {
        return "/api/v1/ops/replays/" + Urls.segment(replayId);
    }

    /** @param first the replay as last answered, so that the first line needs no extra request */
    int follow(ApiResponse first) {
        ApiResponse answer = first;
        Replay replay = answer.as(Replay.class);
        while (true) {
            if (!json) {
                report(replay);
            }
            if (replay.finished()) {
                break;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return INTERRUPTED;
            }
            ApiResponse next = poll(replay.id());
            if (next != null) {
                answer = next;
                replay = answer.as(Replay.class);
            }
        }
        return finish(replay, answer);
    }

    /** The replay now, or null while the platform does not answer and patience lasts. */
    private ApiResponse poll(String replayId) {
        try {
            ApiResponse answer = api.get(path(replayId));
            unansweredSince = null;
            return answer;
        } catch (ApiUnreachableException | ApiErrorException e) {
            if (e instanceof ApiErrorException refused && refused.status() < 500) {
                throw refused;
            }
            Instant now = Instant.now();
            if (unansweredSince == null) {
                unansweredSince = now;
                err.println("warning: " + e.getMessage() + "; still watching for " + patience.toSeconds() + " s");
                err.flush();
            } else if (Duration.between(unansweredSince, now).compareTo(patience) > 0) {
                throw e;
            }
            return null;
        }
    }

    private void report(Replay replay) {
        String line = ProgressLine.of(replay);
        if (terminal) {
            // Spaces wipe what a longer previous line left behind the carriage return.
            out.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
            out.flush();
            lastLineLength = line.length();
        } else if (!Objects.equals(replay.status(), lastStatus) || replay.percent() / 10 > lastTenth) {
            out.println(line);
        }
        lastStatus = replay.status();
        lastTenth = Math.max(lastTenth, replay.percent() / 10);
    }

    private int finish(Replay replay, ApiResponse answer) {
        if (json) {
            out.println(Json.pretty(answer.body()));
        } else {
            if (terminal) {
                out.println();
            }
            if (replay.succeeded()) {
                ReplayText.outcome(replay, out);
            }
        }
        out.flush();
        if (replay.succeeded()) {
            return SUCCEEDED;
        }
        err.println("error: replay " + replay.id() + " " + replay.status()
                + (replay.failure() == null ? "" : " — " + replay.failure()));
        return FAILED;
    }
}
