package io.baseplane.app.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.baseplane.app.observability.RequestLogContextFilter;
import io.baseplane.app.security.apikey.ApiKeyAuthentication;
import io.baseplane.app.web.ProblemResponses;
import io.baseplane.app.web.ratelimit.RateLimitProperties;
import io.baseplane.app.web.ratelimit.RateLimits;
import io.baseplane.kernel.common.Role;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The role matrix. Stateless bearer-token API: no sessions, no cookies, hence no CSRF tokens. Failures
 * answer as problem+json. Roles gate endpoint families here; tenant isolation is enforced again where the
 * data is, in the command handlers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String OPERATOR = Role.PLATFORM_OPERATOR.name();
    private static final String TENANT_ADMIN = Role.TENANT_ADMIN.name();
    private static final String MEMBER = Role.MEMBER.name();
    private static final String[] ANY_ROLE = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtAuthenticationConverter jwtAuthenticationConverter,
                            ProblemResponses problems, RateLimitProperties rateLimits, RateLimits limits,
                            ApiKeyAuthentication apiKeys) throws Exception {
        if (rateLimits.enabled()) {
            // First of all, so an address that keeps bringing bad credentials is held off before any lookup.
            http.addFilterBefore(limits.failedAuthentications(), BearerTokenAuthenticationFilter.class);
        }
        http.addFilterBefore(apiKeys.filter(), BearerTokenAuthenticationFilter.class);
        http.addFilterAfter(new RequestLogContextFilter(), BearerTokenAuthenticationFilter.class);
        if (rateLimits.enabled()) {
            // After the bearer token is read, so budgets belong to callers; before authorisation, so
            // refused requests are counted too.
            http.addFilterAfter(limits.perCallerAndTenant(), BearerTokenAuthenticationFilter.class);
        }
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole(OPERATOR)
                        // Minting is further limited to loopback callers and the local profile.
                        .requestMatchers(POST, "/dev/tokens").permitAll()
                        .requestMatchers("/error").permitAll()
                        // Saga explorer and actions: across tenants, so operators only, tenant admins included out.
                        .requestMatchers("/api/v1/ops/**").hasRole(OPERATOR)
                        .requestMatchers("/api/v1/tenants/*/api-keys", "/api/v1/tenants/*/api-keys/*")
                                .hasAnyRole(OPERATOR, TENANT_ADMIN)
                        .requestMatchers(POST, "/api/v1/tenants").hasRole(OPERATOR)
                        .requestMatchers(POST, "/api/v1/tenants/*/suspend", "/api/v1/tenants/*/reactivate")
                                .hasRole(OPERATOR)
                        .requestMatchers(POST, "/api/v1/tenants/*/plan").hasAnyRole(OPERATOR, TENANT_ADMIN)
                        .requestMatchers(POST, "/api/v1/tenants/*/workspaces").hasAnyRole(OPERATOR, TENANT_ADMIN)
                        // Inside a workspace a plain member acts through its workspace role, which the
                        // Workspace aggregate checks (OWNER/ADMIN/EDITOR/VIEWER).
                        .requestMatchers(POST, "/api/v1/workspaces/*/members", "/api/v1/workspaces/*/archive")
                                .hasAnyRole(OPERATOR, TENANT_ADMIN, MEMBER)
                        .requestMatchers(PATCH, "/api/v1/workspaces/*").hasAnyRole(OPERATOR, TENANT_ADMIN, MEMBER)
                        .requestMatchers(PUT, "/api/v1/workspaces/*/members/*").hasAnyRole(OPERATOR, TENANT_ADMIN, MEMBER)
                        .requestMatchers(DELETE, "/api/v1/workspaces/*/members/*")
                                .hasAnyRole(OPERATOR, TENANT_ADMIN, MEMBER)
                        .requestMatchers(POST, "/api/v1/workspaces/**").hasAnyRole(OPERATOR, TENANT_ADMIN)
                        .requestMatchers(PATCH, "/api/v1/workspaces/**").hasAnyRole(OPERATOR, TENANT_ADMIN)
                        .requestMatchers(PUT, "/api/v1/workspaces/**").hasAnyRole(OPERATOR, TENANT_ADMIN)
                        .requestMatchers(DELETE, "/api/v1/workspaces/**").hasAnyRole(OPERATOR, TENANT_ADMIN)
                        .requestMatchers(POST, "/api/v1/airtable-syncs/**", "/api/v1/workflows/**")
                                .hasAnyRole(OPERATOR, TENANT_ADMIN)
                        .requestMatchers(PUT, "/api/v1/workflows/**").hasAnyRole(OPERATOR, TENANT_ADMIN)
                        .requestMatchers(DELETE, "/api/v1/airtable-syncs/**").hasAnyRole(OPERATOR, TENANT_ADMIN)
                        // A platform role is needed for anything: a token with none (or unknown ones only) reads nothing.
                        .requestMatchers("/api/**").hasAnyRole(ANY_ROLE)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this request")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this request")))
                .build();
    }
}
