package io.baseplane.kernel.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedIdTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void typedIdsSerialiseAsPlainStringsAndBack() throws Exception {
        WorkspaceId id = WorkspaceId.of("0b6e5a3e-8d8f-4d55-a5c3-0f3bfa0c2d11");

        String written = json.writeValueAsString(Map.of("workspaceId", id, "userId", UserId.of("alice")));

        assertThat(written).contains("\"workspaceId\":\"0b6e5a3e-8d8f-4d55-a5c3-0f3bfa0c2d11\"", "\"userId\":\"alice\"");
        assertThat(json.readValue("\"0b6e5a3e-8d8f-4d55-a5c3-0f3bfa0c2d11\"", WorkspaceId.class)).isEqualTo(id);
        assertThat(id.toString()).isEqualTo("0b6e5a3e-8d8f-4d55-a5c3-0f3bfa0c2d11");
    }

    @Test
    void onlyCanonicalUuidsAreAccepted() {
        assertThatThrownBy(() -> TenantId.of("not-a-uuid")).hasMessage("tenantId must be a UUID");
        assertThatThrownBy(() -> TenantId.of("1-2-3-4-5")).hasMessage("tenantId must be a UUID");
        assertThatThrownBy(() -> TenantId.of("")).hasMessage("tenantId must not be empty");
    }
}
