package io.baseplane.app.security;

import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.Role;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/tokens}: mints tokens for the embedded default so a new user can try the API with curl.
 * Present only when {@code baseplane.security.dev-tokens=true} (the local profile), and only answers
 * callers on a loopback address.
 */
@RestController
@ConditionalOnProperty(name = "baseplane.security.dev-tokens", havingValue = "true")
class DevTokenController {

    private static final Logger log = LoggerFactory.getLogger(DevTokenController.class);

    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    DevTokenController(JwtEncoder encoder, SecurityProperties properties, Environment environment) {
        // Production must never mint tokens, whatever overrides the profile's own dev-tokens: false.
        if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException("baseplane.security.dev-tokens is on in the prod profile; "
                    + "POST /dev/tokens would let anyone on the machine mint tokens. Refusing to start");
        }
        this.encoder = encoder;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @PostConstruct
    void warn() {
        log.warn("POST /dev/tokens is ON: anyone on this machine can mint tokens with any role. "
                + "Never run this profile where others can reach it.");
    }

    record TokenRequest(String sub, String tenantId, List<String> roles) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    @PostMapping("/dev/tokens")
    TokenResponse mint(@RequestBody TokenRequest request, HttpServletRequest http) {
        if (!isLoopback(http.getRemoteAddr())) {
            throw new AccessDeniedException("dev tokens are only issued to loopback callers");
        }
        UserId subject = UserId.of(request.sub());
        List<String> roles = request.roles() == null ? List.of() : request.roles().stream().map(this::role).toList();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.devTokenTtl());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(subject.value())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(expiresAt)
                .claim(TokenClaims.ROLES, roles);
        if (request.tenantId() != null) {
            claims.claim(TokenClaims.TENANT_ID, TenantId.of(request.tenantId()).toString());
        }
        String token = encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
        return new TokenResponse(token, expiresAt);
    }

    private String role(String name) {
        try {
            return Role.valueOf(name).name();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException("roles", "must only contain " + List.of(Role.values()));
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
