package io.baseplane.app.web.ratelimit;

import io.baseplane.app.security.apikey.ApiKeyAuthenticationFilter;
import io.baseplane.app.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits guessing: a client address whose requests brought a token or an API key that was refused (401)
 * too often in the period gets 429 with {@code Retry-After} instead of 401 for every further refused credential.
 * The penalty falls on what is refused, not on the address: a valid credential from that address, another user's
 * behind the same proxy say, is served as usual. Requests without credentials, like health checks, are neither
 * counted nor refused. Behind a reverse proxy, the client's address comes from {@code X-Forwarded-For} only when
 * the proxy is trusted ({@code server.forward-headers-strategy}, README).
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
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
                budgets.failedAuthentication(address);
            }
            return;
        }
        // Held off: the credentials are still checked, and only a refused one gets the 429 in place of its 401.
        RefusalCatchingResponse answer = new RefusalCatchingResponse(response);
        chain.doFilter(request, answer);
        if (answer.refused) {
            TooManyRequests.write(response, problems, wait.get(), "Too many requests with invalid credentials");
        }
    }

    /**
     * Passes every answer through as it is written (a live-update stream too), except a 401: that one, headers and
     * body, is kept from the client, so the filter can answer 429 in its place.
     */
    private static final class RefusalCatchingResponse extends HttpServletResponseWrapper {

        private boolean refused;

        RefusalCatchingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            if (status == HttpStatus.UNAUTHORIZED.value()) {
                refused = true;
            } else if (!refused) {
                super.setStatus(status);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (status == HttpStatus.UNAUTHORIZED.value()) {
                refused = true;
            } else if (!refused) {
                super.sendError(status, message);
            }
        }

        @Override
        public int getStatus() {
            return refused ? HttpStatus.UNAUTHORIZED.value() : super.getStatus();
        }

        @Override
        public void setHeader(String name, String value) {
            if (!refused) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!refused) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setContentType(String type) {
            if (!refused) {
                super.setContentType(type);
            }
        }

        @Override
        public void setContentLength(int length) {
            if (!refused) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!refused) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setCharacterEncoding(String encoding) {
            if (!refused) {
                super.setCharacterEncoding(encoding);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!refused) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return refused ? DISCARDING : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return refused ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
        }

        private static final ServletOutputStream DISCARDING = new ServletOutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("synchronous writes only");
            }
        };
    }
}
