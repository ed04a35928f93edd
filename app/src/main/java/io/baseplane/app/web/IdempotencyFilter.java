package io.baseplane.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.app.security.TokenClaims;
import io.baseplane.kernel.common.InvalidValueException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key is handled and its answer kept; a repeat
 * with the same key and the same request gets that answer again without reaching a handler, so it writes
 * nothing; the same key with a different request is refused with 409. Keys are scoped to the caller, and
 * a key whose first request is still running answers 409 rather than running twice. Server errors are not
 * kept, so a request that failed that way can be retried with its key.
 *
 * <p>A create that names its own {@code id} (a top-level {@code "id"} in the JSON body) is retry-safe without a
 * header: the id is its key. Only a success is kept under it, so a refused request can be corrected and sent again
 * with the same id; a different request with the id of a created resource is 409 {@code id-taken}.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    /** The key a client-chosen id stands for, beside keys clients send (which cannot start like this by chance). */
    private static final String CHOSEN_ID = "chosen-id:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION);

    private final JdbcTemplate jdbc;
    private final ProblemResponses problems;
    private final WebProperties properties;

    IdempotencyFilter(JdbcTemplate jdbc, ProblemResponses problems, WebProperties properties) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (key != null && !VALID_KEY.matcher(key).matches()) {
            problems.write(response, ProblemResponses.invalidInput(List.of(
                    new InvalidValueException(HEADER, "must be 1 to 255 visible ASCII characters"))));
            return;
        }
        // Without a key, only a body can name a chosen id: a POST without one passes as it is.
        if (caller == null || !caller.isAuthenticated() || key == null && request.getContentLengthLong() == 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RefusedBodyException e) {
            problems.write(response, e.problem());
            return;
        }
        boolean chosenId = key == null;
        if (chosenId) {
            String id = chosenIdOf(body);
            if (id == null) {
                chain.doFilter(new CachedBodyRequest(request, body), response);
                return;
            }
            key = CHOSEN_ID + id;
        }
        String principal = principal(caller);
        String hash = hash(request, body);
        if (claim(principal, key, hash)) {
            handleFirst(request, response, chain, body, principal, key, chosenId);
        } else {
            replay(response, principal, key, hash, chosenId);
        }
    }

    /** The body's own top-level {@code "id"}, when it is a JSON object naming one; null otherwise. */
    private static String chosenIdOf(byte[] body) {
        try {
            JsonNode id = JSON.readTree(body).path("id");
            return id.isTextual() && VALID_KEY.matcher(id.asText()).matches() ? id.asText() : null;
        } catch (IOException e) {
            return null; // not JSON: the handler refuses it
        }
    }

    private boolean claim(String principal, String key, String hash) {
        Instant expired = Instant.now().minus(properties.idempotencyRetention());
        jdbc.update("delete from idempotency_record where principal = ? and idempotency_key = ? and created_at < ?",
                principal, key, Timestamp.from(expired));
        return jdbc.update("insert into idempotency_record (principal, idempotency_key, request_hash) "
                + "values (?, ?, ?) on conflict do nothing", principal, key, hash) == 1;
    }

    private void handleFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                             byte[] body, String principal, String key, boolean onlySuccess)
            throws IOException, ServletException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
        } catch (IOException | ServletException | RuntimeException e) {
            forget(principal, key);
            throw e;
        }
        if (recorded.getStatus() >= 500 || onlySuccess && recorded.getStatus() >= 300) {
            forget(principal, key);
        } else {
            StringBuilder headers = new StringBuilder();
            for (String name : REPLAYED_HEADERS) {
                String value = recorded.getHeader(name);
                if (value != null) {
                    headers.append(name).append(": ").append(value).append('\n');
                }
            }
            jdbc.update("update idempotency_record set status = ?, content_type = ?, headers = ?, body = ? "
                            + "where principal = ? and idempotency_key = ?",
                    recorded.getStatus(), recorded.getContentType(), headers.toString(),
                    recorded.getContentAsByteArray(), principal, key);
        }
        recorded.copyBodyToResponse();
    }

    private void replay(HttpServletResponse response, String principal, String key, String hash, boolean chosenId)
            throws IOException {
        List<StoredAnswer> answers = jdbc.query("select request_hash, status, content_type, headers, body "
                        + "from idempotency_record where principal = ? and idempotency_key = ?",
                (rs, row) -> new StoredAnswer(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getBytes(5)),
                principal, key);
        if (answers.isEmpty()) {
            problems.write(response, HttpStatus.CONFLICT, "idempotency-key-in-flight",
                    "A request with this Idempotency-Key just ended; send it again");
            return;
        }
        StoredAnswer answer = answers.get(0);
        if (!answer.requestHash().equals(hash) && chosenId) {
            problems.write(response, HttpStatus.CONFLICT, "id-taken",
                    "The id is already in use by a request with another body; choose another id");
        } else if (!answer.requestHash().equals(hash)) {
            problems.write(response, HttpStatus.CONFLICT, "idempotency-key-reused",
                    "This Idempotency-Key was used for a different request");
        } else if (answer.status() == null) {
            problems.write(response, HttpStatus.CONFLICT, "idempotency-key-in-flight",
                    "The first request with this Idempotency-Key is still being handled");
        } else {
            response.setStatus(answer.status());
            if (answer.contentType() != null) {
                response.setContentType(answer.contentType());
            }
            answer.headers().lines().filter(line -> line.contains(": ")).forEach(line -> {
                int colon = line.indexOf(": ");
                response.setHeader(line.substring(0, colon), line.substring(colon + 2));
            });
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(answer.body() == null ? new byte[0] : answer.body());
        }
    }

    private void forget(String principal, String key) {
        jdbc.update("delete from idempotency_record where principal = ? and idempotency_key = ?", principal, key);
    }

    private static String principal(Authentication caller) {
        if (caller instanceof JwtAuthenticationToken token) {
            String tenant = token.getToken().getClaimAsString(TokenClaims.TENANT_ID);
            return "jwt:" + (tenant == null ? "-" : tenant) + ":" + caller.getName();
        }
        return caller.getClass().getSimpleName() + ":" + caller.getName();
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record StoredAnswer(String requestHash, Integer status, String contentType, String headers, byte[] body) {
    }

    /** The request with its body already read, so the handler can read it again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
