package io.baseplane.app.web;

import io.baseplane.kernel.common.InvalidValueException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details with stable {@code type} URIs, for the advice and for filters that answer
 * before any controller runs.
 */
@Component
public class ProblemResponses {

    static final String TYPE_BASE = "https://baseplane.io/problems/";

    private static final Map<Integer, String> HTTP_DETAILS = Map.of(
            400, "The request is malformed",
            404, "There is no resource at this path",
            405, "This method is not allowed here");

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /**
     * An HTTP-level refusal (405, 406, 415, a malformed request line…), its type named after the status
     * ({@code method-not-allowed}).
     */
    public static ProblemDetail forStatus(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
            problem.setType(URI.create(TYPE_BASE + "http-" + status));
            return problem;
        }
        return problem(known, typeOf(known), detail);
    }

    /** An HTTP-level refusal the server answers before any controller, with the detail it says for its status. */
    static ProblemDetail forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return forStatus(status, HTTP_DETAILS.getOrDefault(status,
                known == null ? "The request failed" : known.getReasonPhrase()));
    }

    private static String typeOf(HttpStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** 400 {@code invalid-input}, naming each field and what is wrong with it. */
    public static ProblemDetail invalidInput(List<InvalidValueException> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", errors.get(0).getMessage());
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.reason()))
                .toList());
        return problem;
    }

    /** A failure nobody expected: logged once under a new error id, which the answer quotes. */
    public static ProblemDetail unexpected(Throwable failure) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected failure {}", errorId, failure);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The request failed unexpectedly; quote error id " + errorId + " when reporting it");
        problem.setProperty("errorId", errorId);
        return problem;
    }

    public void write(HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        write(response, problem(status, type, detail));
    }

    /**
     * Writes {@code problem} as the whole answer, its extra properties (an error id) included. A response already
     * committed is left alone: the server answers it already (Tomcat sends an error of its own when reading the
     * request failed, and the error controller renders it).
     */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(body));
        response.flushBuffer();
    }
}
