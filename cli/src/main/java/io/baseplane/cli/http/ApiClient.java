package io.baseplane.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/** JSON over HTTP to the ops API. An answer other than 2xx becomes an {@link ApiErrorException}. */
public final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final Connection connection;
    private final HttpClient http;

    public ApiClient(Connection connection) {
        this.connection = connection;
        // HTTP/1.1: the JDK's default HTTP/2 attempt adds an h2c upgrade to every plain-http request for nothing.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    public ApiResponse get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    public ApiResponse post(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(Json.write(body))));
    }

    public ApiResponse delete(String pathAndQuery) {
        return send(request(pathAndQuery).DELETE());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(connection.uri(pathAndQuery))
                .timeout(ANSWER_TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        connection.authenticate(request);
        return request;
    }

    private ApiResponse send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiUnreachableException(connection.baseUrl(), reasonOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnreachableException(connection.baseUrl(), "interrupted");
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status >= 300) {
            throw ApiErrorException.of(status, body);
        }
        return new ApiResponse(status, bodyOf(status, body), response.headers().firstValue("Location").orElse(null));
    }

    private static JsonNode bodyOf(int status, String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return Json.read(body);
        } catch (JsonProcessingException e) {
            throw ApiErrorException.notJson(status, body);
        }
    }

    /** The JDK often wraps the cause with no message of its own: the first cause that says something. */
    private static String reasonOf(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        return failure instanceof ConnectException ? "connection refused" : failure.getClass().getSimpleName();
    }
}
