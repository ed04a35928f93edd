package io.baseplane.saga.workflow.executor;

import io.baseplane.kernel.workflow.StepType;
import io.baseplane.saga.workflow.StepContext;
import io.baseplane.saga.workflow.StepExecutor;
import io.baseplane.saga.workflow.StepOutcome;
import io.baseplane.saga.workflow.WorkflowProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * HTTP_CALL: one real request, {@code method} (default GET) to {@code url}, with {@code body} (sent as
 * {@code contentType}, default application/json) when given. A 2xx answer is success (output: the status); a
 * 5xx or 429, no answer within the step's timeout, or no connection is a technical failure (the saga asks
 * again after a backoff, then parks the run); any other answer (4xx) and a URL that may not be called are a
 * refusal, which fails the step and compensates. There is no retry here.
 *
 * <p>The call runs on a thread of the sagas' outside-call pool, not on a processor's, and is bounded: the
 * connection by {@code baseplane.workflow.connect-timeout}, the whole exchange (headers and body) by the step's
 * timeout.
 * Only http and https URLs are called; redirects are not followed. Reasons name the host and path, never
 * the query string (which may hold keys). Each request carries an {@code Idempotency-Key} that is the same
 * when a redelivered event repeats the call.
 */
@Component
public class HttpCallExecutor implements StepExecutor {

    private final HttpClient client;
    private final boolean allowPrivateTargets;

    @Autowired
    public HttpCallExecutor(WorkflowProperties properties) {
        this(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), properties.allowPrivateTargets());
    }

    HttpCallExecutor(HttpClient client, boolean allowPrivateTargets) {
        this.client = client;
        this.allowPrivateTargets = allowPrivateTargets;
    }

    @Override
    public StepType type() {
        return StepType.HTTP_CALL;
    }

    @Override
    public StepOutcome execute(StepContext context) {
        Map<String, String> parameters = context.parameters();
        URI uri;
        try {
            uri = new URI(parameters.getOrDefault("url", "").strip());
        } catch (URISyntaxException e) {
            return StepOutcome.failed("url is not a URL");
        }
        String scheme = uri.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
            return StepOutcome.failed("url must be an absolute http or https URL, not "
                    + (scheme == null ? "a relative one" : "'" + scheme + ":'"));
        }
        if (!allowPrivateTargets && InternalAddresses.anyOf(uri.getHost())) {
            return StepOutcome.failed("url " + uri.getHost() + " is an internal address; HTTP_CALL reaches public "
                    + "hosts only (baseplane.workflow.allow-private-targets)");
        }
        String method = parameters.getOrDefault("method", "GET");
        String target = method + " " + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
        String body = parameters.get("body");
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(context.timeout())
                .header("Idempotency-Key", context.idempotencyKey())
                .header("X-Baseplane-Run", context.runId().toString())
                // The index, not the name: names may hold characters a header value cannot.
                .header("X-Baseplane-Step", Integer.toString(context.stepIndex()));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", parameters.getOrDefault("contentType", "application/json"))
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpRequest request = builder.build();
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            // The request timeout covers the wait for the headers; this bounds the body as well.
            int status = exchange.get(context.timeout().toMillis(), TimeUnit.MILLISECONDS).statusCode();
            if (status >= 200 && status < 300) {
                return StepOutcome.succeeded(Map.of("status", Integer.toString(status)));
            }
            String answered = target + " answered " + status;
            // The target is busy or broken, not refusing: 5xx and 429 are worth asking again.
            return status >= 500 || status == 429 ? StepOutcome.unavailable(answered) : StepOutcome.failed(answered);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return timedOut(target, context);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                return timedOut(target, context);
            }
            return StepOutcome.unavailable(target + " failed: " + (e.getCause() instanceof java.net.ConnectException
                    ? "could not connect" : e.getCause().getClass().getSimpleName()));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return StepOutcome.unavailable(target + " was interrupted");
        }
    }

    private static StepOutcome timedOut(String target, StepContext context) {
        return StepOutcome.unavailable(target + " timed out after " + context.timeout().toSeconds() + "s");
    }
}
