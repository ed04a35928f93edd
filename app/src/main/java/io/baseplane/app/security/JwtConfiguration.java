package io.baseplane.app.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.baseplane.kernel.common.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Token validation. Only the expected algorithms are accepted (RS256/ES256 with a JWK set, HS256 with the
 * local secret), so {@code alg: none} and algorithm confusion fail signature checking. Issuer, audience,
 * expiry and not-before are validated, and a subject is required.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {


    /** The local HS256 key, read or generated once; absent when an identity provider signs the tokens. */
    private final SecretKey hmacKey;

    JwtConfiguration(SecurityProperties properties) {
        this.hmacKey = properties.usesJwkSet() ? null : HmacSecret.load(properties);
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = properties.usesJwkSet()
                ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                        .jwsAlgorithms(algorithms -> algorithms.addAll(
                                List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)))
                        .build()
                : NimbusJwtDecoder.withSecretKey(hmacKey)
                        .macAlgorithm(MacAlgorithm.HS256)
                        .build();
        OAuth2TokenValidator<Jwt> validator = validator(properties);
        decoder.setJwtValidator(validator);
        return properties.verifiedTokens().maxSize() == 0
                ? decoder
                : new VerifiedTokenCache(decoder, validator, properties.verifiedTokens());
    }

    /**
     * Besides signature, issuer, audience and times: an expiry is required (a token without one would never
     * expire), the roles claim is a list of strings if present, and the tenant claim a UUID if present. A token
     * whose claims have the wrong shape is unauthenticated (401), not bad input.
     */
    private static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience())),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                JwtConfiguration::optionalClaimsHaveTheirShape);
    }

    /** The optional claims, where present: {@code roles} a list of strings, {@code tenant_id} a UUID. */
    private static OAuth2TokenValidatorResult optionalClaimsHaveTheirShape(Jwt jwt) {
        Object roles = jwt.getClaims().get(TokenClaims.ROLES);
        Object tenant = jwt.getClaims().get(TokenClaims.TENANT_ID);
        boolean rolesOk = roles == null
                || roles instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
        if (rolesOk && (tenant == null || isUuid(tenant))) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "roles must be a list of role names and tenant_id a UUID", null));
    }

    private static boolean isUuid(Object claim) {
        try {
            return claim instanceof String text && UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Signs the tokens of {@code POST /dev/tokens}; exists only with the local HMAC secret. */
    @Bean
    JwtEncoder jwtEncoder() {
        return hmacKey == null
                ? parameters -> {
                    throw new IllegalStateException("tokens are issued by the identity provider");
                }
                : new NimbusJwtEncoder(new ImmutableSecret<>(hmacKey));
    }

    /**
     * {@code roles: ["TENANT_ADMIN"]} becomes the authority {@code ROLE_TENANT_ADMIN}. Names that are no platform
     * role ({@code ROOT}) grant nothing: they are left out, so a token with those alone has no role at all.
     */
    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        Set<String> known = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
            return roles == null ? List.of() : roles.stream().filter(known::contains)
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        });
        return converter;
    }
}
