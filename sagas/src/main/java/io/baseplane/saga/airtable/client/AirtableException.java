package io.baseplane.saga.airtable.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed call to Airtable. {@link #permanent()} tells the caller whether trying again later can help
 * (the client has already retried transient failures as far as configured). Messages never contain the
 * access token.
 */
public class AirtableException extends RuntimeException {

    /** What went wrong; each kind is either permanent or transient. */
    public enum Kind {
        /** 401: the token is invalid or expired. */
        UNAUTHORIZED(true),
        /** 403: the token may not read this base or table. */
        FORBIDDEN(true),
        /** 404: no such base or table (or not visible to the token). */
        NOT_FOUND(true),
        /** Any other 4xx, or an id that is not an Airtable id: the request itself is wrong. */
        INVALID_REQUEST(true),
        /** Airtable answered with a body this client cannot read. */
        INVALID_RESPONSE(true),
        /** No token is stored under the tokenRef. */
        MISSING_TOKEN(true),
        /** 429, or the local rate limiter gave up waiting for a permit. */
        RATE_LIMITED(false),
        /** 5xx, timeout, connection failure, or the base's circuit breaker is open. */
        UNAVAILABLE(false);

        private final boolean permanent;

        Kind(boolean permanent) {
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    private final Kind kind;
    private final int status;
    private final transient Duration retryAfter;

    public AirtableException(Kind kind, String message) {
        this(kind, 0, null, message, null);
    }

    public AirtableException(Kind kind, String message, Throwable cause) {
        this(kind, 0, null, message, cause);
    }

    public AirtableException(Kind kind, int status, Duration retryAfter, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public boolean permanent() {
        return kind.permanent();
    }

    /** The HTTP status Airtable answered with, or 0 when there was no response. */
    public int status() {
        return status;
    }

    /** The wait Airtable asked for in a {@code Retry-After} header, if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
