package io.baseplane.app.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
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
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

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

    private static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience())),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()));
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

    /** {@code roles: ["TENANT_ADMIN"]} becomes the authority {@code ROLE_TENANT_ADMIN}. */
    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenClaims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
