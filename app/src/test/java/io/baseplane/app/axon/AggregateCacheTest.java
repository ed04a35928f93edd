package io.baseplane.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.PlatformTestBase;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Loaded aggregates stay cached through garbage collections (docs/adr/0013). */
class AggregateCacheTest extends PlatformTestBase {

    @Autowired
    private Cache aggregateCache;

    @Test
    void aWorkspaceStaysLoadedAfterAGarbageCollection() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        assertThat(api.as(tokens.tenantAdmin(tenantId, "olivia")).patch("/api/v1/workspaces/" + workspaceId,
                Map.of("description", "cached")).status()).isEqualTo(200);

        System.gc();

        assertThat(aggregateCache.containsKey(workspaceId)).isTrue();
    }
}
