package io.baseplane.app.security;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tokens are checked (and, locally, issued).
 *
 * @param issuer          required {@code iss} of every token
 * @param audience        required entry of {@code aud}
 * @param jwkSetUri       production: the identity provider's JWK set (RS256/ES256); when set, the HMAC
 *                        secret is not used
 * @param hmacSecret      embedded default: base64 HS256 secret of at least 256 bits; generated into
 *                        {@code hmacSecretFile} when absent
 * @param hmacSecretFile  where a generated secret is kept across restarts
 * @param devTokens       whether {@code POST /dev/tokens} mints tokens for loopback callers (local only)
 * @param devTokenTtl     lifetime of a minted token
 * @param verifiedTokens  how many verified tokens are remembered, and how long, so that their signatures are
 *                        not checked on every request (claims still are)
 */
@ConfigurationProperties("baseplane.security")
public record SecurityProperties(String issuer, String audience, String jwkSetUri, String hmacSecret,
                                 Path hmacSecretFile, boolean devTokens, Duration devTokenTtl,
                                 VerifiedTokens verifiedTokens) {

    public SecurityProperties {
        issuer = issuer == null ? "baseplane-local" : issuer;
        audience = audience == null ? "baseplane" : audience;
        hmacSecretFile = hmacSecretFile == null ? Path.of("data", "jwt-hmac-secret") : hmacSecretFile;
        devTokenTtl = devTokenTtl == null ? Duration.ofHours(8) : devTokenTtl;
        verifiedTokens = verifiedTokens == null ? new VerifiedTokens(null, null) : verifiedTokens;
    }

    boolean usesJwkSet() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }

    /**
     * @param maxSize tokens remembered at most (0: verify every request's signature)
     * @param ttl     how long a verified token is remembered
     */
    public record VerifiedTokens(Integer maxSize, Duration ttl) {

        public VerifiedTokens {
            maxSize = maxSize == null ? 5_000 : maxSize;
            ttl = ttl == null ? Duration.ofMinutes(1) : ttl;
            if (maxSize < 0 || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("verified-tokens needs max-size >= 0 and a positive ttl");
            }
        }
    }
}
