package io.baseplane.app.observability;

import io.baseplane.app.security.TokenClaims;
import io.baseplane.kernel.common.MetaDataKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request a correlation id (answered as {@code X-Correlation-Id}) and puts it, with the caller's
 * tenant and user, into the logging context. The command the request sends takes the id as its own, so the
 * id leads from the request's log lines to the events and saga steps it caused and to the audit log.
 * Runs after authentication, so the caller is known.
 */
public class RequestLogContextFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = UUID.randomUUID().toString();
        response.setHeader(HEADER, correlationId);
        MDC.put(MetaDataKeys.CORRELATION_ID, correlationId);
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            MDC.put(MetaDataKeys.USER_ID, token.getName());
            String tenant = token.getToken().getClaimAsString(TokenClaims.TENANT_ID);
            if (tenant != null) {
                MDC.put(MetaDataKeys.TENANT_ID, tenant);
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MessageLogContext.KEYS.forEach(MDC::remove);
        }
    }
}
