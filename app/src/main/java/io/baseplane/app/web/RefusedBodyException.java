package io.baseplane.app.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.axonframework.common.ExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request body refused while it was being read: the answer it gets is known at that point, wherever in the
 * request the reading happened (a filter, a message converter).
 */
class RefusedBodyException extends IOException {

    private final HttpStatus status;
    private final String type;

    private RefusedBodyException(HttpStatus status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    /** The body went past {@code baseplane.web.max-request-body}. */
    static RefusedBodyException tooLarge(long limit) {
        return new RefusedBodyException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                "The request body may hold at most " + limit + " bytes");
    }

    /**
     * The body did not arrive within {@code baseplane.web.body-read-timeout}, or the client stopped sending it for
     * longer than the server waits for the next bytes ({@code server.tomcat.connection-timeout}).
     */
    static RefusedBodyException tooSlow() {
        return new RefusedBodyException(HttpStatus.REQUEST_TIMEOUT, "request-timeout",
                "The request body did not arrive in time");
    }

    /** A JSON body whose bytes are not UTF-8 (an overlong form, a stray continuation byte, a cut sequence). */
    static RefusedBodyException notUtf8() {
        return new RefusedBodyException(HttpStatus.BAD_REQUEST, "invalid-input", "The request body is not valid UTF-8");
    }

    /** The refusal among {@code failure} and its causes, or null. */
    static RefusedBodyException in(Throwable failure) {
        return failure == null ? null : ExceptionUtils.findException(failure, RefusedBodyException.class).orElse(null);
    }

    /** The answer: a bad body names the field {@code body}, as every 400 names what was wrong. */
    ProblemDetail problem() {
        ProblemDetail problem = ProblemResponses.problem(status, type, getMessage());
        if (status == HttpStatus.BAD_REQUEST) {
            problem.setProperty("errors", List.of(Map.of("field", "body", "message", "is not valid UTF-8")));
        }
        return problem;
    }
}
