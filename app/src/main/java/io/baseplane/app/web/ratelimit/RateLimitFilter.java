package io.baseplane.app.web.ratelimit;

import io.baseplane.app.security.TokenClaims;
import io.baseplane.app.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 429 with {@code Retry-After} once a caller, or its tenant as a whole, has used its request budget. Runs
 * after authentication, so the budget belongs to the token's subject and tenant, not to an address that
 * many clients may share; requests the role matrix refuses count too. Guessing tokens or keys is limited by
 * {@link FailedAuthenticationFilter}, which runs before authentication.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RequestBudgets budgets;
    private final ProblemResponses problems;

    RateLimitFilter(RequestBudgets budgets, ProblemResponses problems) {
        this.budgets = budgets;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        String tenant = token.getToken().getClaimAsString(TokenClaims.TENANT_ID);
        String caller = token.getName() + "@" + (tenant == null ? "platform" : tenant);
        Optional<Duration> wait = budgets.take(caller, tenant);
        if (wait.isPresent()) {
            TooManyRequests.write(response, problems, wait.get(), "Too many requests");
            return;
        }
        chain.doFilter(request, response);
    }
}
