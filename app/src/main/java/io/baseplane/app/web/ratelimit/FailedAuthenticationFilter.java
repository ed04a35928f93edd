package io.baseplane.app.web.ratelimit;

import io.baseplane.app.security.apikey.ApiKeyAuthenticationFilter;
import io.baseplane.app.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits guessing: a client address whose requests brought a token or an API key that was refused (401)
 * too often in the period gets 429 with {@code Retry-After} for every request that brings credentials,
 * before they are checked (so guessing costs no key lookups either). Requests without credentials, like
 * health checks, are neither counted nor refused.
 */
class FailedAuthenticationFilter extends OncePerRequestFilter {

    private final RequestBudgets budgets;
    private final ProblemResponses problems;

    FailedAuthenticationFilter(RequestBudgets budgets, ProblemResponses problems) {
        this.budgets = budgets;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getHeader(ApiKeyAuthenticationFilter.HEADER) == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = budgets.failedAuthenticationWait(address);
        if (wait.isPresent()) {
            TooManyRequests.write(response, problems, wait.get(), "Too many requests with invalid credentials");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            budgets.failedAuthentication(address);
        }
    }
}
