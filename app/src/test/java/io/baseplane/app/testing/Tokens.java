package io.baseplane.app.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Mints tokens with the platform's own test key, as the identity provider would. */
public final class Tokens {

    private final JwtEncoder encoder;

    public Tokens(JwtEncoder encoder) {
        this.encoder = encoder;
    }

    public String operator() {
        return token("operator", null, "PLATFORM_OPERATOR");
    }

    public String tenantAdmin(String tenantId, String user) {
        return token(user, tenantId, "TENANT_ADMIN");
    }

    public String member(String tenantId, String user) {
        return token(user, tenantId, "MEMBER");
    }

    public String token(String subject, String tenantId, String... roles) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("baseplane-local")
                .audience(List.of("baseplane"))
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(10)))
                .claim("roles", List.of(roles));
        if (tenantId != null) {
            claims.claim("tenant_id", tenantId);
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }
}
