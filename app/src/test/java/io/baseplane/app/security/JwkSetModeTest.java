package io.baseplane.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Production mode: tokens of an identity provider, verified against its JWK set served over HTTP by a local
 * stand-in. RS256 and ES256 from the provider's keys pass; another key, HMAC signed with the provider's
 * public key (algorithm confusion), {@code alg: none} and a wrong issuer do not.
 */
class JwkSetModeTest {

    private static final String ISSUER = "https://idp.example.test/";
    private static final String AUDIENCE = "baseplane";

    private HttpServer idp;
    private RSAKey rsa;
    private ECKey ec;
    private JwtDecoder decoder;

    @BeforeEach
    void anIdentityProviderWithAnRsaAndAnEcKey() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        byte[] jwks = new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK())).toString()
                .getBytes(StandardCharsets.UTF_8);
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        idp.start();
        SecurityProperties properties = new SecurityProperties(ISSUER, AUDIENCE,
                "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks.json", null, null, false, null, null);
        decoder = new JwtConfiguration(properties).jwtDecoder(properties);
    }

    @AfterEach
    void stop() {
        idp.stop(0);
    }

    @Test
    void rs256AndEs256TokensOfTheProviderAreAccepted() throws JOSEException {
        assertThat(decoder.decode(signed(rsa, SignatureAlgorithm.RS256, ISSUER)).getSubject()).isEqualTo("alice");
        assertThat(decoder.decode(signed(ec, SignatureAlgorithm.ES256, ISSUER)).getSubject()).isEqualTo("alice");
    }

    @Test
    void aTokenSignedWithAKeyTheProviderDoesNotPublishIsRefused() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();

        assertThatThrownBy(() -> decoder.decode(signed(stranger, SignatureAlgorithm.RS256, ISSUER)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void hmacSignedWithTheProvidersPublicKeyIsRefused() throws JOSEException {
        byte[] publicKey = rsa.toRSAPublicKey().getEncoded();
        NimbusJwtEncoder hmac = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(
                new com.nimbusds.jose.jwk.OctetSequenceKey.Builder(new SecretKeySpec(publicKey, "HmacSHA256"))
                        .keyID("rsa-1").build())));

        String confused = hmac.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).keyId("rsa-1").build(),
                claims(ISSUER))).getTokenValue();

        assertThatThrownBy(() -> decoder.decode(confused)).isInstanceOf(JwtException.class);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64("{\"iss\":\"" + ISSUER + "\",\"aud\":[\"" + AUDIENCE + "\"],\"sub\":\"alice\",\"exp\":"
                + Instant.now().plusSeconds(300).getEpochSecond() + "}");

        assertThatThrownBy(() -> decoder.decode(header + "." + payload + ".")).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedEvenWithTheRightKey() throws JOSEException {
        assertThatThrownBy(() -> decoder.decode(signed(rsa, SignatureAlgorithm.RS256, "https://evil.example.test/")))
                .isInstanceOf(JwtException.class);
    }

    private String signed(JWK key, JwsAlgorithm algorithm, String issuer) throws JOSEException {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(algorithm).keyId(key.getKeyID()).build(),
                claims(issuer))).getTokenValue();
    }

    private static JwtClaimsSet claims(String issuer) {
        Instant now = Instant.now();
        return JwtClaimsSet.builder().issuer(issuer).audience(List.of(AUDIENCE)).subject("alice")
                .issuedAt(now).notBefore(now).expiresAt(now.plusSeconds(300)).build();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
