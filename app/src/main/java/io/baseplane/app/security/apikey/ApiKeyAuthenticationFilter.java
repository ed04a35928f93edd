package io.baseplane.app.security.apikey;

import io.baseplane.app.security.TokenClaims;
import io.baseplane.app.web.ProblemResponses;
import io.baseplane.kernel.common.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-API-Key}. A valid, unrevoked key becomes the same kind of principal a verified
 * bearer token does (subject {@code apikey:<id>}, the key's tenant and roles), so everything after this
 * filter — role matrix, tenant isolation, rate limits, event metadata — treats both alike. Any bad key is
 * 401 with the same answer, and the hash comparison runs even for unknown ids, so neither the answer nor its
 * time tells which part was wrong.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";
    static final String TOKEN_TYPE = "api-key";
    private static final byte[] NO_HASH = new byte[32];

    private final ApiKeyStore store;
    private final Converter<Jwt, AbstractAuthenticationToken> principals;
    private final ProblemResponses problems;

    ApiKeyAuthenticationFilter(ApiKeyStore store, Converter<Jwt, AbstractAuthenticationToken> principals,
                               ProblemResponses problems) {
        this.store = store;
        this.principals = principals;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HEADER);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Send a bearer token or an API key, not both");
            return;
        }
        Optional<StoredApiKey> key = verify(header);
        if (key.isEmpty()) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "The API key is not valid");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(principals.convert(principalOf(key.get())));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private Optional<StoredApiKey> verify(String header) {
        Optional<ApiKeySecret> secret = ApiKeySecret.parse(header);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredApiKey> stored = store.find(secret.get().keyId());
        boolean matches = secret.get().matches(stored.map(StoredApiKey::keyHash).orElse(NO_HASH));
        return stored.filter(key -> matches && !key.revoked());
    }

    private static Jwt principalOf(StoredApiKey key) {
        return Jwt.withTokenValue(TOKEN_TYPE + ":" + key.keyId())
                .header("typ", TOKEN_TYPE)
                .subject("apikey:" + key.keyId())
                .claim(TokenClaims.TENANT_ID, key.tenantId().toString())
                .claim(TokenClaims.ROLES, key.roles().stream().map(Role::name).toList())
                .issuedAt(key.createdAt())
                .build();
    }

    /** Whether the current principal came from an API key rather than a bearer token. */
    static boolean isApiKey(Jwt principal) {
        return TOKEN_TYPE.equals(principal.getHeaders().get("typ"));
    }
}
