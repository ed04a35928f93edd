package io.baseplane.saga.airtable.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.kernel.airtable.FieldSchema;
import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.kernel.common.Text;
import io.baseplane.saga.airtable.client.AirtableException.Kind;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link AirtableClient} over the JDK's HTTP client. Each request of a base goes through, from the outside
 * in: a {@link Retry} (exponential backoff with jitter on 429, 5xx, timeouts and I/O errors, honouring
 * {@code Retry-After}; never on other 4xx), the base's {@link CircuitBreaker} (opens on repeated 5xx /
 * timeouts / I/O errors, then fails fast) and the base's {@link SlidingSecondLimiter} (at most
 * {@code requestsPerSecondPerBase} in any sliding second, on this node). So every attempt, retries included, takes a rate permit and counts for
 * the breaker. The token is fetched from the {@link SecretStore} per call and only ever put in the
 * Authorization header.
 */
@Component
public class HttpAirtableClient implements AirtableClient {

    private static final Logger log = LoggerFactory.getLogger(HttpAirtableClient.class);

    /** A Retry-After beyond this is not waited for in one go: the run fails as transient instead. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final AirtableProperties properties;
    private final SecretStore secrets;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final Map<String, SlidingSecondLimiter> limiters = new ConcurrentHashMap<>();
    private final CircuitBreakerRegistry circuitBreakers;
    private final RetryRegistry retries;

    public HttpAirtableClient(AirtableProperties properties, SecretStore secrets) {
        this.properties = properties;
        this.secrets = secrets;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String url = properties.baseUrl().toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;


        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.maxBackoff())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                // Only "Airtable is not answering properly" opens the breaker; 4xx and 429 are answers.
                .recordException(e -> e instanceof AirtableException a && a.kind() == Kind.UNAVAILABLE)
                .build());
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                properties.initialBackoff(), 2.0, 0.5, properties.maxBackoff());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(properties.maxAttempts())
                .retryOnException(e -> e instanceof AirtableException a && !a.permanent())
                .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) ->
                        waitBefore(attempt, outcome, backoff))
                .build());

        circuitBreakers.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onStateTransition(e -> log.warn("Airtable circuit breaker for base {}: {}",
                        e.getCircuitBreakerName(), e.getStateTransition())));
        retries.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onRetry(e -> log.info("Airtable base {}: attempt {} failed ({}), retrying in {} ms",
                        e.getName(), e.getNumberOfRetryAttempts(), describe(e.getLastThrowable()),
                        e.getWaitInterval().toMillis())));
    }

    /** Every attempt may wait for its answer and then back off; the rate limiter waits at most a request timeout. */
    @Override
    public Duration longestCall() {
        return properties.requestTimeout().plus(properties.maxBackoff()).plus(properties.connectTimeout())
                .multipliedBy(properties.maxAttempts() + 1L);
    }

    @Override
    public List<TableSchema> listTables(String baseId, String tokenRef) {
        AirtableIds.requireBaseId(baseId);
        URI uri = URI.create(baseUrl + "/v0/meta/bases/" + segment(baseId) + "/tables");
        JsonNode body = call(baseId, uri, tokenRef);
        JsonNode tables = body.path("tables");
        if (!tables.isArray()) {
            throw invalid(uri, "no 'tables' array");
        }
        List<TableSchema> result = new ArrayList<>();
        for (JsonNode table : tables) {
            List<FieldSchema> fields = new ArrayList<>();
            for (JsonNode field : table.path("fields")) {
                fields.add(new FieldSchema(text(uri, field, "id"), text(uri, field, "name"), text(uri, field, "type")));
            }
            result.add(new TableSchema(text(uri, table, "id"), text(uri, table, "name"), List.copyOf(fields)));
        }
        return List.copyOf(result);
    }

    @Override
    public RecordPage listRecords(String baseId, String tableId, String offset, String tokenRef) {
        AirtableIds.requireBaseId(baseId);
        AirtableIds.requireTableId(tableId);
        String query = "pageSize=" + PAGE_SIZE + (offset == null ? "" : "&offset=" + queryValue(offset));
        URI uri = URI.create(baseUrl + "/v0/" + segment(baseId) + "/" + segment(tableId) + "?" + query);
        JsonNode body = call(baseId, uri, tokenRef);
        JsonNode records = body.path("records");
        if (!records.isArray()) {
            throw invalid(uri, "no 'records' array");
        }
        List<AirtableRecord> result = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            Instant created;
            try {
                created = record.hasNonNull("createdTime") ? Instant.parse(record.get("createdTime").asText()) : null;
            } catch (DateTimeParseException e) {
                throw invalid(uri, "unreadable createdTime");
            }
            JsonNode fields = record.path("fields");
            Map<String, Object> values = fields.isObject() ? json.convertValue(fields, FIELDS) : Map.of();
            result.add(new AirtableRecord(text(uri, record, "id"), created, values));
        }
        JsonNode next = body.path("offset");
        String nextOffset = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
        return new RecordPage(result, nextOffset);
    }

    /** State of a base's circuit breaker, for health views and tests. */
    public CircuitBreaker.State circuitState(String baseId) {
        return circuitBreakers.circuitBreaker(baseId).getState();
    }

    private JsonNode call(String baseId, URI uri, String tokenRef) {
        String token = secrets.secret(tokenRef).filter(t -> !t.isBlank())
                .orElseThrow(() -> new AirtableException(Kind.MISSING_TOKEN,
                        "no Airtable access token is stored under tokenRef '" + tokenRef + "'"));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        SlidingSecondLimiter limiter = limiters.computeIfAbsent(baseId,
                base -> new SlidingSecondLimiter(properties.requestsPerSecondPerBase()));
        Supplier<JsonNode> attempt = () -> {
            if (!limiter.acquire(properties.requestTimeout())) {
                throw new NoPermit();
            }
            return send(request, token);
        };
        Supplier<JsonNode> guarded = Retry.decorateSupplier(retries.retry(baseId),
                CircuitBreaker.decorateSupplier(circuitBreakers.circuitBreaker(baseId), attempt));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw new AirtableException(Kind.UNAVAILABLE, "circuit breaker for base " + baseId
                    + " is open after repeated failures; not calling Airtable");
        } catch (NoPermit e) {
            throw new AirtableException(Kind.RATE_LIMITED, "no rate permit for base " + baseId + " within "
                    + properties.requestTimeout());
        }
    }

    /** No turn under the base's rate limit within the request timeout: not retried, not held against Airtable. */
    private static final class NoPermit extends RuntimeException {
        NoPermit() {
            super(null, null, false, false);
        }
    }

    /** One attempt: send, classify the answer, parse the body. */
    private JsonNode send(HttpRequest request, String token) {
        String where = "GET " + request.uri().getRawPath();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new AirtableException(Kind.UNAVAILABLE, where + " timed out (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            throw new AirtableException(Kind.UNAVAILABLE, where + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirtableException(Kind.UNAVAILABLE, where + " was interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return json.readTree(response.body() == null ? "" : response.body());
            } catch (JsonProcessingException e) {
                throw new AirtableException(Kind.INVALID_RESPONSE, where + " answered " + status + " with unreadable JSON");
            }
        }
        Kind kind;
        if (status == 401) {
            kind = Kind.UNAUTHORIZED;
        } else if (status == 403) {
            kind = Kind.FORBIDDEN;
        } else if (status == 404) {
            kind = Kind.NOT_FOUND;
        } else if (status == 429) {
            kind = Kind.RATE_LIMITED;
        } else if (status >= 500) {
            kind = Kind.UNAVAILABLE;
        } else {
            kind = Kind.INVALID_REQUEST;
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").map(HttpAirtableClient::retryAfter).orElse(null);
        String message = where + " answered " + status + errorDetail(response.body(), token);
        throw new AirtableException(kind, status, retryAfter, message, null);
    }

    private long waitBefore(int attempt, Either<Throwable, Object> outcome, IntervalFunction backoff) {
        if (outcome.isLeft() && outcome.getLeft() instanceof AirtableException a && a.retryAfter().isPresent()) {
            Duration asked = a.retryAfter().get();
            return (asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked).toMillis();
        }
        return backoff.apply(attempt);
    }

    /** Retry-After is either delta-seconds or an HTTP date; anything else is ignored. */
    static Duration retryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** Airtable's error body ({"error":{"type","message"}} or {"error":"TYPE"}), token scrubbed, bounded. */
    private String errorDetail(String body, String token) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String detail;
        try {
            JsonNode error = json.readTree(body).path("error");
            if (error.isTextual()) {
                detail = error.asText();
            } else if (error.isObject()) {
                detail = error.path("type").asText("") + (error.hasNonNull("message") ? ": " + error.get("message").asText() : "");
            } else {
                return "";
            }
        } catch (JsonProcessingException e) {
            return "";
        }
        if (token != null && !token.isEmpty()) {
            detail = detail.replace(token, "***");
        }
        return detail.isBlank() ? "" : " (" + Text.sanitized(detail, 300) + ")";
    }

    private static String text(URI uri, JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw invalid(uri, "missing '" + name + "'");
        }
        return value.asText();
    }

    private static AirtableException invalid(URI uri, String what) {
        return new AirtableException(Kind.INVALID_RESPONSE, "GET " + uri.getRawPath() + " answered with " + what);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Percent-encodes everything but unreserved characters; a space becomes %20, which no reader takes for '+'. */
    private static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String describe(Throwable failure) {
        return failure instanceof AirtableException a ? a.kind() + (a.status() > 0 ? " " + a.status() : "")
                : failure == null ? "?" : failure.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "HttpAirtableClient[" + baseUrl + "]";
    }
}
