package io.baseplane.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The answer to a failure that escapes a filter (security, idempotency, rate limits run before Spring MVC's error
 * handling): problem+json like every other answer, 503 with {@code Retry-After} while the database is out of
 * reach, otherwise 500 with an error id that the log names; never the container's own error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnhandledFailureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnhandledFailureFilter.class);

    private final ProblemResponses problems;

    UnhandledFailureFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            RefusedBodyException refused = RefusedBodyException.in(e);
            if (refused != null) {
                problems.write(response, refused.problem());
                return;
            }
            if (DatabaseFailures.unavailable(e)) {
                log.warn("Database out of reach: {}", e.toString());
                response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseFailures.RETRY_AFTER_SECONDS);
                problems.write(response, DatabaseFailures.problem());
                return;
            }
            problems.write(response, ProblemResponses.unexpected(e));
        }
    }
}
