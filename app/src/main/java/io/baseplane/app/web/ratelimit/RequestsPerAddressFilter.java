package io.baseplane.app.web.ratelimit;

import io.baseplane.app.web.ProblemResponses;
import io.baseplane.app.web.WebProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No client address holds more than {@code baseplane.web.requests-per-address} of the server's request threads:
 * one more request from it is 429 at once, before its body is read. A request counts while a thread works on it;
 * a live-update stream, which gives its thread back, does not. Together with the body read timeout this keeps slow
 * or greedy clients from starving everyone else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestsPerAddressFilter extends OncePerRequestFilter {

    private final int limit;
    private final ProblemResponses problems;
    private final ConcurrentHashMap<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

    RequestsPerAddressFilter(WebProperties properties, ProblemResponses problems) {
        this.limit = properties.requestsPerAddress();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        AtomicInteger count = inProgress.compute(address, (key, current) -> {
            AtomicInteger counter = current == null ? new AtomicInteger() : current;
            counter.incrementAndGet();
            return counter;
        });
        try {
            if (count.get() > limit) {
                TooManyRequests.write(response, problems, Duration.ofSeconds(1),
                        "Too many requests from this address are in progress");
                return;
            }
            chain.doFilter(request, response);
        } finally {
            inProgress.computeIfPresent(address, (key, counter) -> counter.decrementAndGet() == 0 ? null : counter);
        }
    }
}
