package io.baseplane.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.axonframework.common.ExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a request body may be, checked while it is read, wherever that happens:
 * <ul>
 *   <li>at most {@code baseplane.web.max-request-body} (413; at once when the declared length is larger);</li>
 *   <li>all there within {@code baseplane.web.body-read-timeout} of the request's start (408): a client sending a
 *       byte every few seconds would otherwise hold a server thread for as long as it likes;</li>
 *   <li>for JSON, UTF-8 as RFC 8259 requires (400): a decoder that reads the overlong {@code C0 AF} as "/" would let
 *       a slash into an id the checks never saw.</li>
 * </ul>
 * Runs first, so a refused body costs nothing else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyFilter extends OncePerRequestFilter {

    private final long limit;
    private final Duration readTimeout;
    private final ProblemResponses problems;

    RequestBodyFilter(WebProperties properties, ProblemResponses problems) {
        this.limit = properties.maxRequestBody().toBytes();
        this.readTimeout = properties.bodyReadTimeout();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            problems.write(response, RefusedBodyException.tooLarge(limit).problem());
            return;
        }
        chain.doFilter(new CheckedBodyRequest(request, this), response);
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            return type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || "json".equals(type.getSubtypeSuffix()));
        } catch (IllegalArgumentException e) {
            return false; // the content type filter refuses it
        }
    }

    private static final class CheckedBodyRequest extends HttpServletRequestWrapper {

        private final RequestBodyFilter filter;
        private final long deadline;
        private ServletInputStream stream;

        CheckedBodyRequest(HttpServletRequest request, RequestBodyFilter filter) {
            super(request);
            this.filter = filter;
            this.deadline = System.nanoTime() + filter.readTimeout.toNanos();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CheckedStream(super.getInputStream(), filter, deadline, isJson(getContentType()));
            }
            return stream;
        }
    }

    private static final class CheckedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final RequestBodyFilter filter;
        private final long deadline;
        private final Utf8Check utf8;
        private long read;

        CheckedStream(ServletInputStream delegate, RequestBodyFilter filter, long deadline, boolean json) {
            this.delegate = delegate;
            this.filter = filter;
            this.deadline = deadline;
            this.utf8 = json ? new Utf8Check() : null;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = delegate.read(buffer, offset, length);
            } catch (IOException e) {
                // The connector gave up waiting for the client's next bytes (server.tomcat.connection-timeout).
                if (ExceptionUtils.findException(e, SocketTimeoutException.class).isPresent()) {
                    throw RefusedBodyException.tooSlow();
                }
                throw e;
            }
            if (System.nanoTime() > deadline) {
                throw RefusedBodyException.tooSlow();
            }
            if (n > 0) {
                read += n;
                if (read > filter.limit) {
                    throw RefusedBodyException.tooLarge(filter.limit);
                }
            }
            if (utf8 != null) {
                utf8.check(buffer, offset, n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }

    /** Decodes the bytes as they pass, only to find malformed UTF-8; a sequence may be split between two reads. */
    private static final class Utf8Check {

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer chars = CharBuffer.allocate(1024);
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private boolean ended;

        /** {@code n} bytes at {@code offset}, or the end of the body when {@code n} is negative. */
        void check(byte[] buffer, int offset, int n) throws RefusedBodyException {
            if (ended) {
                return;
            }
            boolean end = n < 0;
            ended = end;
            ByteBuffer bytes = ByteBuffer.allocate(pending.remaining() + Math.max(n, 0));
            bytes.put(pending);
            if (n > 0) {
                bytes.put(buffer, offset, n);
            }
            bytes.flip();
            CoderResult result;
            do {
                chars.clear();
                result = decoder.decode(bytes, chars, end);
            } while (result.isOverflow());
            if (result.isError() || end && decoder.flush(chars.clear()).isError()) {
                throw RefusedBodyException.notUtf8();
            }
            if (end && bytes.hasRemaining()) {
                throw RefusedBodyException.notUtf8();
            }
            pending = bytes.slice();
        }
    }
}
