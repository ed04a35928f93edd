package io.baseplane.kernel.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baseplane.kernel.tenant.TenantId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static final TenantId ACME = TenantId.of("6f1c1a52-3c57-4d7c-9a55-2a1f4d0e8b01");
    private static final TenantId GLOBEX = TenantId.of("0b6e5a3e-8d8f-4d55-a5c3-0f3bfa0c2d11");

    @Test
    void aCallerIsReadFromMessageMetadata() {
        Caller caller = Caller.from(Map.of(MetaDataKeys.USER_ID, "alice", MetaDataKeys.TENANT_ID, ACME.toString(),
                MetaDataKeys.ROLES, "TENANT_ADMIN, MEMBER,UNKNOWN_ROLE"));

        assertThat(caller.userId()).isEqualTo("alice");
        assertThat(caller.tenantId()).contains(ACME);
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.TENANT_ADMIN, Role.MEMBER);
    }

    @Test
    void aCallerOfOneTenantIsToldThatAnotherTenantsResourceDoesNotExist() {
        Caller caller = Caller.from(Map.of(MetaDataKeys.USER_ID, "alice", MetaDataKeys.TENANT_ID, ACME.toString()));

        caller.requireAccessTo(ACME, "workspace", "w-1");
        assertThatThrownBy(() -> caller.requireAccessTo(GLOBEX, "workspace", "w-2"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("workspace w-2 was not found");
    }

    @Test
    void messagesWithoutATenantComeFromOperatorsOrTheSystemAndAreNotConfined() {
        Caller system = Caller.from(Map.of());

        assertThat(system.userId()).isEqualTo("system");
        assertThat(system.roles()).isEmpty();
        system.requireAccessTo(GLOBEX, "tenant", GLOBEX);
    }
}
