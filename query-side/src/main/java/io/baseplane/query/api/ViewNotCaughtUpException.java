package io.baseplane.query.api;

import java.time.Duration;

/** The view did not reach the version the client asked for in time (HTTP 503 with Retry-After). */
public class ViewNotCaughtUpException extends RuntimeException {

    private final long wantedVersion;
    private final long currentVersion;
    private final Duration retryAfter;

    public ViewNotCaughtUpException(long wantedVersion, long currentVersion, Duration retryAfter) {
        super("The view is at version " + currentVersion + "; version " + wantedVersion + " is not there yet",
                null, false, false);
        this.wantedVersion = wantedVersion;
        this.currentVersion = currentVersion;
        this.retryAfter = retryAfter;
    }

    public long wantedVersion() {
        return wantedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
