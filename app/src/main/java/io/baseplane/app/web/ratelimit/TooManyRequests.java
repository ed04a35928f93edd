package io.baseplane.app.web.ratelimit;

import io.baseplane.app.web.ProblemResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The one way both rate-limit filters refuse: 429 problem+json with {@code Retry-After} in whole seconds. */
final class TooManyRequests {

    private TooManyRequests() {
    }

    static void write(HttpServletResponse response, ProblemResponses problems, Duration wait, String what)
            throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", what + "; retry after " + seconds + " s");
    }
}
