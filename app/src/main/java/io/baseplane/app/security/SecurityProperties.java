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
 */
@ConfigurationProperties("baseplane.security")
public record SecurityProperties(String issuer, String audience, String jwkSetUri, String hmacSecret,
                                 Path hmacSecretFile, boolean devTokens, Duration devTokenTtl) {

    public SecurityProperties {
        issuer = issuer == null ? "baseplane-local" : issuer;
        audience = audience == null ? "baseplane" : audience;
        hmacSecretFile = hmacSecretFile == null ? Path.of("data", "jwt-hmac-secret") : hmacSecretFile;
        devTokenTtl = devTokenTtl == null ? Duration.ofHours(8) : devTokenTtl;
    }

    boolean usesJwkSet() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }
}
