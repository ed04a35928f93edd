package io.baseplane.cli.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.function.UnaryOperator;

/**
 * Where the platform is and how to sign in: options first, then environment variables. Exactly one credential
 * is sent, since the platform refuses a request that carries both.
 *
 * @param baseUrl    without a trailing slash
 * @param authHeader null when no credential was given (the API then answers 401, shown as such)
 */
public record Connection(String baseUrl, String authHeader, String authValue) {

    public static final String URL_VARIABLE = "BASEPLANE_URL";
    public static final String TOKEN_VARIABLE = "BASEPLANE_TOKEN";
    public static final String API_KEY_VARIABLE = "BASEPLANE_API_KEY";
    public static final String DEFAULT_URL = "http://localhost:8080";

    /** @throws IllegalArgumentException a usage error: a bad URL, or two credentials at the same level */
    public static Connection resolve(String url, String token, String apiKey, UnaryOperator<String> environment) {
        String baseUrl = checkedUrl(url != null ? url : orDefault(environment.apply(URL_VARIABLE)));
        if (token != null && apiKey != null) {
            throw new IllegalArgumentException("Use --token or --api-key, not both");
        }
        if (token == null && apiKey == null) {
            token = environment.apply(TOKEN_VARIABLE);
            apiKey = environment.apply(API_KEY_VARIABLE);
            if (token != null && apiKey != null) {
                throw new IllegalArgumentException(TOKEN_VARIABLE + " and " + API_KEY_VARIABLE
                        + " are both set: unset one, or choose with --token or --api-key");
            }
        }
        if (token != null) {
            return new Connection(baseUrl, "Authorization", "Bearer " + token);
        }
        return apiKey != null ? new Connection(baseUrl, "X-API-Key", apiKey) : new Connection(baseUrl, null, null);
    }

    URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    void authenticate(HttpRequest.Builder request) {
        if (authHeader != null) {
            request.header(authHeader, authValue);
        }
    }

    private static String orDefault(String url) {
        return url == null ? DEFAULT_URL : url;
    }

    private static String checkedUrl(String url) {
        String trimmed = url.strip().replaceAll("/+$", "");
        try {
            URI uri = URI.create(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (IllegalArgumentException invalid) {
            // refused below with the same message
        }
        throw new IllegalArgumentException("Invalid URL '" + url + "': expected http(s)://host[:port]");
    }
}
