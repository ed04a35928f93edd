package io.baseplane.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);

    VerifiedTokenCacheTest() {
        timestamps.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgain() {
        JwtDecoder decoder = cache(token -> jwt(token, NOW.plusSeconds(300)));

        Jwt first = decoder.decode("token-a");
        Jwt second = decoder.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
        assertThat(decoder.decode("token-b").getTokenValue()).isEqualTo("token-b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        JwtDecoder decoder = cache(token -> jwt(token, NOW.plusSeconds(60)));
        decoder.decode("token-a");

        timestamps.setClock(Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));

        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRefusedTokenIsNotRememberedAndIsVerifiedEveryTime() {
        JwtDecoder decoder = cache(token -> {
            throw new BadJwtException("bad signature");
        });

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private JwtDecoder cache(JwtDecoder verifier) {
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return verifier.decode(token);
        };
        return new VerifiedTokenCache(counting, timestamps,
                new SecurityProperties.VerifiedTokens(100, Duration.ofMinutes(1)));
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("alice")
                .issuedAt(NOW.minusSeconds(10)).expiresAt(expiresAt).build();
    }
}
