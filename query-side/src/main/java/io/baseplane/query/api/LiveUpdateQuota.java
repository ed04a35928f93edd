package io.baseplane.query.api;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * How many live-update streams are open, per caller and per tenant, on this node: one more than
 * {@code baseplane.query.live-updates-per-caller} or {@code -per-tenant} is refused with 429, so one client
 * cannot hold a subscription (and its memory) for every view it can name.
 */
@Component
public class LiveUpdateQuota {

    private final QueryProperties properties;
    private final Map<String, Integer> perCaller = new HashMap<>();
    private final Map<String, Integer> perTenant = new HashMap<>();

    LiveUpdateQuota(QueryProperties properties) {
        this.properties = properties;
    }

    /**
     * Counts a new stream of {@code caller} in {@code tenant} (null for operators), or refuses it; the returned
     * handle gives its place back, once however often it runs.
     */
    public synchronized Runnable open(String caller, String tenant) {
        if (perCaller.getOrDefault(caller, 0) >= properties.liveUpdatesPerCaller()
                || tenant != null && perTenant.getOrDefault(tenant, 0) >= properties.liveUpdatesPerTenant()) {
            throw new TooManyStreams();
        }
        perCaller.merge(caller, 1, Integer::sum);
        if (tenant != null) {
            perTenant.merge(tenant, 1, Integer::sum);
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                close(caller, tenant);
            }
        };
    }

    private synchronized void close(String caller, String tenant) {
        perCaller.computeIfPresent(caller, (key, open) -> open == 1 ? null : open - 1);
        if (tenant != null) {
            perTenant.computeIfPresent(tenant, (key, open) -> open == 1 ? null : open - 1);
        }
    }

    /** 429 problem+json with {@code Retry-After}, answered by Spring MVC's handling of error responses. */
    static final class TooManyStreams extends ErrorResponseException {

        private static final String RETRY_AFTER_SECONDS = "30";

        TooManyStreams() {
            super(HttpStatus.TOO_MANY_REQUESTS, problem(), null);
            getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }

        private static ProblemDetail problem() {
            return ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many live-update streams are open for this caller or tenant; close one first");
        }
    }
}
