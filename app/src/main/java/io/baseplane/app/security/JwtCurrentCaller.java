package io.baseplane.app.security;

import io.baseplane.kernel.common.CurrentCaller;
import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.common.Role;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.messaging.MetaData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The caller of the current request, from its verified JWT. A caller who is not a platform operator must
 * belong to a tenant, and then acts only inside it.
 */
@Component
class JwtCurrentCaller implements CurrentCaller {

    @Override
    public MetaData metaData() {
        JwtAuthenticationToken token = token();
        Map<String, String> metaData = new HashMap<>();
        metaData.put(MetaDataKeys.USER_ID, userId(token).value());
        String tenant = token.getToken().getClaimAsString(TokenClaims.TENANT_ID);
        boolean operator = hasRole(token, Role.PLATFORM_OPERATOR);
        if (tenant != null && !tenant.isBlank()) {
            metaData.put(MetaDataKeys.TENANT_ID, TenantId.of(tenant).toString());
        } else if (!operator) {
            throw new AccessDeniedException("token has no tenant_id");
        }
        metaData.put(MetaDataKeys.ROLES, token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.joining(",")));
        return MetaData.from(metaData);
    }

    @Override
    public UserId userId() {
        return userId(token());
    }

    private static UserId userId(JwtAuthenticationToken token) {
        return UserId.of(token.getToken().getSubject());
    }

    private static boolean hasRole(JwtAuthenticationToken token, Role role) {
        return token.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role.name()));
    }

    private static JwtAuthenticationToken token() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return token;
        }
        throw new AccessDeniedException("no authenticated caller");
    }
}
