package io.baseplane.app.web;

import io.baseplane.kernel.common.DomainException;
import io.baseplane.kernel.common.ForbiddenException;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.RefusalDetails;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.query.api.ViewNotCaughtUpException;
import java.util.List;
import java.util.Map;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into problem+json: the domain's refusals with their rule, Axon's concurrency
 * outcomes, malformed input with per-field errors. Nothing internal (stack traces, SQL, class names)
 * leaves the server; unexpected failures are logged with an id the answer quotes.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception exception) {
        if (DatabaseFailures.unavailable(exception)) {
            log.warn("Database out of reach: {}", exception.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseFailures.RETRY_AFTER_SECONDS)
                    .body(DatabaseFailures.problem());
        }
        Throwable cause = rootDomainCause(exception);
        ProblemDetail problem = toProblem(cause, exception);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemDetail toProblem(Throwable cause, Exception exception) {
        if (cause instanceof InvalidValueException invalid) {
            return ProblemResponses.invalidInput(invalid.all());
        }
        if (cause instanceof RuleViolationException rule) {
            return withCode(ProblemResponses.problem(HttpStatus.CONFLICT, rule.code(), rule.getMessage()), rule);
        }
        if (cause instanceof ForbiddenException forbidden) {
            return withCode(ProblemResponses.problem(HttpStatus.FORBIDDEN, forbidden.code(), forbidden.getMessage()),
                    forbidden);
        }
        if (cause instanceof NotFoundException notFound) {
            return withCode(ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", notFound.getMessage()),
                    notFound);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found",
                    "The resource " + notFound.getAggregateIdentifier() + " was not found");
        }
        if (cause instanceof ConflictingAggregateVersionException conflict) {
            return ProblemResponses.problem(HttpStatus.PRECONDITION_FAILED, "version-mismatch",
                    "If-Match expected version " + conflict.getExpectedVersion()
                            + " but the resource is at version " + conflict.getActualVersion());
        }
        if (cause instanceof AggregateStreamCreationException) {
            // A client-chosen id that another aggregate took (a race, or another caller's resource).
            return ProblemResponses.problem(HttpStatus.CONFLICT, "id-taken",
                    "The id is already in use; choose another id");
        }
        if (cause instanceof ConcurrencyException) {
            return ProblemResponses.problem(HttpStatus.CONFLICT, "concurrent-modification",
                    "The resource was changed concurrently; retry the request");
        }
        if (cause instanceof AccessDeniedException) {
            return ProblemResponses.problem(HttpStatus.FORBIDDEN, "forbidden", "You may not do this");
        }
        return ProblemResponses.unexpected(exception);
    }

    /**
     * Spring MVC's own refusals (405, 406, 415, unknown paths, missing parameters) get a stable type too,
     * named after their status, instead of {@code about:blank}.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(exception, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemResponses.forStatus(status.value(), problem.getDetail()).getType());
        }
        return response;
    }

    /** Unreadable JSON: wrong types, unknown enum values, syntax errors, or a body over the size limit. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RefusedBodyException refused = RefusedBodyException.in(exception);
        if (refused != null) {
            ProblemDetail problem = refused.problem();
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
        ProblemDetail problem = ProblemResponses.invalidInput(List.of(UnreadableJson.describe(exception)));
        return ResponseEntity.badRequest().body(problem);
    }

    /** {@code X-Min-Version} waited in vain: the client may retry shortly. */
    @ExceptionHandler(ViewNotCaughtUpException.class)
    ResponseEntity<ProblemDetail> handleViewNotCaughtUp(ViewNotCaughtUpException exception) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, exception.retryAfter().toSeconds())))
                .body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "view-not-caught-up",
                        exception.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleBadPathOrParameter(MethodArgumentTypeMismatchException exception) {
        String message = ExceptionUtils.findException(exception, InvalidValueException.class)
                .map(InvalidValueException::reason)
                .orElse("has a wrong format");
        return ResponseEntity.badRequest()
                .body(ProblemResponses.invalidInput(List.of(new InvalidValueException(exception.getName(), message))));
    }

    private static ProblemDetail withCode(ProblemDetail problem, DomainException exception) {
        problem.setProperty("code", exception.code());
        return problem;
    }

    /**
     * Axon may wrap a handler's exception (command execution, event processing in the same unit of
     * work); the meaningful cause is the first one we know how to answer. A handler on another node sends its
     * refusal as the details of an execution exception (ADR 0021): rebuilt, it is answered as on one node.
     */
    private static Throwable rootDomainCause(Throwable exception) {
        return ExceptionUtils.findException(RefusalDetails.restore(exception), t -> t instanceof DomainException
                        || t instanceof AggregateNotFoundException || t instanceof ConflictingAggregateVersionException
                        || t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                        || t instanceof AccessDeniedException)
                .orElse(exception);
    }
}
