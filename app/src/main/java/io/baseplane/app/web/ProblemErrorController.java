package io.baseplane.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import org.axonframework.common.ExceptionUtils;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container's error page says, in place of Spring Boot's default JSON: the problem details every
 * other answer has. The container sends here what never reached a controller or the error handling around it:
 * a method no servlet allows ({@code TRACE}), a request whose body could not be read, a failure outside the
 * filters that answer themselves.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem = problemFor(failure, statusOf(request));
        problem.setInstance(instanceOf(request));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            answer.header(HttpHeaders.RETRY_AFTER, DatabaseFailures.RETRY_AFTER_SECONDS);
        }
        return answer.body(problem);
    }

    private static ProblemDetail problemFor(Throwable failure, int status) {
        RefusedBodyException refused = RefusedBodyException.in(failure);
        if (refused != null) {
            return refused.problem();
        }
        if (failure != null && ExceptionUtils.findException(failure, SocketTimeoutException.class).isPresent()) {
            // Tomcat gave up waiting for the rest of the body, and answered the request itself.
            return RefusedBodyException.tooSlow().problem();
        }
        if (failure != null && DatabaseFailures.unavailable(failure)) {
            return DatabaseFailures.problem();
        }
        if (failure != null && status >= 500) {
            return ProblemResponses.unexpected(failure);
        }
        return ProblemResponses.forStatus(status);
    }

    /** The path the client asked for (as sent, still encoded), not {@code /error}; none when it is no valid URI. */
    private static URI instanceOf(HttpServletRequest request) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        try {
            return path instanceof String uri ? new URI(uri) : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static int statusOf(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code && code >= 400 ? code : HttpStatus.INTERNAL_SERVER_ERROR.value();
    }
}
