package io.baseplane.app.security.apikey;

import io.baseplane.app.web.ProblemResponses;
import jakarta.servlet.Filter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.stereotype.Component;

/** Hands the security configuration the {@code X-API-Key} filter, built from this package's parts. */
@Component
public class ApiKeyAuthentication {

    private final ApiKeyStore store;
    private final JwtAuthenticationConverter principals;
    private final ProblemResponses problems;

    ApiKeyAuthentication(ApiKeyStore store, JwtAuthenticationConverter principals, ProblemResponses problems) {
        this.store = store;
        this.principals = principals;
        this.problems = problems;
    }

    /** A new filter instance for the security filter chain (not a bean, so the servlet container does not run it twice). */
    public Filter filter() {
        return new ApiKeyAuthenticationFilter(store, principals, problems);
    }
}
