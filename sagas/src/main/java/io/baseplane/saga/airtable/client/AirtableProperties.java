package io.baseplane.saga.airtable.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Airtable client, bound from {@code baseplane.airtable.*}. {@code tokens} maps a
 * {@code tokenRef} to its access token ({@code baseplane.airtable.tokens.<ref>}); it is the store behind
 * {@link ConfiguredSecretStore} and is never printed by {@link #toString()}. {@code tokenGrants} says which
 * tenants may use a token ({@code baseplane.airtable.token-grants.<ref>}: tenant ids, or {@code *} for every
 * tenant); a token granted to nobody is usable by no tenant, so one tenant cannot read another's bases by
 * naming its token.
 */
@ConfigurationProperties("baseplane.airtable")
public record AirtableProperties(
        @DefaultValue("https://api.airtable.com") URI baseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("5") int requestsPerSecondPerBase,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        Map<String, String> tokens,
        Map<String, List<String>> tokenGrants) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.airtable.com");

    public AirtableProperties {
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        connectTimeout = positive("connectTimeout", connectTimeout, Duration.ofSeconds(5));
        requestTimeout = positive("requestTimeout", requestTimeout, Duration.ofSeconds(30));
        initialBackoff = positive("initialBackoff", initialBackoff, Duration.ofMillis(500));
        maxBackoff = positive("maxBackoff", maxBackoff, Duration.ofSeconds(30));
        if (requestsPerSecondPerBase < 1) {
            throw new IllegalArgumentException("baseplane.airtable.requests-per-second-per-base must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("baseplane.airtable.max-attempts must be at least 1");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("baseplane.airtable.max-backoff must not be below initial-backoff");
        }
        String scheme = baseUrl.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("baseplane.airtable.base-url must be an http(s) URL");
        }
        tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
        tokenGrants = tokenGrants == null ? Map.of() : Map.copyOf(tokenGrants);
    }

    /** Whether the token under {@code tokenRef} may be used for {@code tenantId}'s syncs. */
    public boolean granted(String tenantId, String tokenRef) {
        List<String> tenants = tokenRef == null ? null : tokenGrants.get(tokenRef);
        return tenants != null && (tenants.contains("*") || tenants.contains(tenantId));
    }

    /** The defaults, without tokens. */
    public static AirtableProperties defaults() {
        return new AirtableProperties(null, null, null, 5, 5, null, null, null, null);
    }

    /** A copy with these tokens (by tokenRef). */
    public AirtableProperties withTokens(Map<String, String> newTokens) {
        return new AirtableProperties(baseUrl, connectTimeout, requestTimeout, requestsPerSecondPerBase,
                maxAttempts, initialBackoff, maxBackoff, newTokens, tokenGrants);
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("baseplane.airtable." + name + " must be positive");
        }
        return d;
    }

    /** Names the configured token references only; the tokens themselves are never printed. */
    @Override
    public String toString() {
        return "AirtableProperties[baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", requestsPerSecondPerBase=" + requestsPerSecondPerBase
                + ", maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", tokens=" + new java.util.TreeSet<>(tokens.keySet()) + "]";
    }
}
