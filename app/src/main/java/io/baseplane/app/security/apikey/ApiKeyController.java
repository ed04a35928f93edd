package io.baseplane.app.security.apikey;

import io.baseplane.kernel.common.Caller;
import io.baseplane.kernel.common.CurrentCaller;
import io.baseplane.kernel.common.Role;
import io.baseplane.kernel.tenant.TenantId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's API keys: issue (the only answer that shows the key), list, revoke. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/api-keys")
class ApiKeyController {

    private final ApiKeys keys;
    private final CurrentCaller caller;

    ApiKeyController(ApiKeys keys, CurrentCaller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @PostMapping
    ResponseEntity<IssuedKeyResponse> issue(@PathVariable TenantId tenantId, @RequestBody IssueRequest request,
                                            @AuthenticationPrincipal Jwt principal) {
        ApiKeys.IssuedApiKey issued = keys.issue(callerOf(), ApiKeyAuthenticationFilter.isApiKey(principal), tenantId,
                request.name(), request.roles());
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/api-keys/" + issued.key().keyId()))
                .body(new IssuedKeyResponse(issued.key().keyId(), issued.plainText(), issued.key().name(),
                        issued.key().roles(), issued.key().createdAt()));
    }

    @GetMapping
    Map<String, List<KeyView>> list(@PathVariable TenantId tenantId, @AuthenticationPrincipal Jwt principal) {
        return Map.of("items", keys.list(callerOf(), ApiKeyAuthenticationFilter.isApiKey(principal), tenantId).stream()
                .map(KeyView::of).toList());
    }

    @DeleteMapping("/{keyId}")
    ResponseEntity<Void> revoke(@PathVariable TenantId tenantId, @PathVariable UUID keyId,
                                @AuthenticationPrincipal Jwt principal) {
        keys.revoke(callerOf(), ApiKeyAuthenticationFilter.isApiKey(principal), tenantId, keyId);
        return ResponseEntity.noContent().build();
    }

    private Caller callerOf() {
        return Caller.from(caller.metaData());
    }

    record IssueRequest(String name, List<Role> roles) {
    }

    /** {@code key} is the secret itself: store it now, it is never shown again. */
    record IssuedKeyResponse(UUID id, String key, String name, List<Role> roles, Instant createdAt) {
    }

    record KeyView(UUID id, String name, List<Role> roles, String createdBy, Instant createdAt, Instant revokedAt) {

        static KeyView of(StoredApiKey key) {
            return new KeyView(key.keyId(), key.name(), key.roles(), key.createdBy(), key.createdAt(), key.revokedAt());
        }
    }
}
