package io.baseplane.cli.http;

/** No answer at all: refused, unknown host, timed out. Exit code 3, so scripts can tell it from a refusal. */
public final class ApiUnreachableException extends RuntimeException {

    public ApiUnreachableException(String baseUrl, String reason) {
        super("cannot reach " + baseUrl + ": " + reason, null, false, false);
    }
}
