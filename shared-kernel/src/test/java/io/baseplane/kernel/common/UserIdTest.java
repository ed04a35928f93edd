package io.baseplane.kernel.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserIdTest {

    @Test
    void aNewMembersIdIsWhatIdentityProvidersIssue() {
        for (String id : new String[] {"alice", "auth0|5f1c2a", "alice@example.com", "google-oauth2|1090", "a.b",
                "john doe äö?"}) {
            assertThat(UserId.ofNewMember("userId", id).value()).isEqualTo(id);
        }
    }

    @Test
    void aNewMembersIdThatCouldNotBeAddressedAsAPathSegmentIsRefused() {
        for (String id : new String[] {"x/../y", "a/b", "a\\b", "a;jsessionid=1", "50%", ".", ".."}) {
            assertThatThrownBy(() -> UserId.ofNewMember("userId", id))
                    .as(id).isInstanceOf(InvalidValueException.class)
                    .hasMessage("userId must not contain / \\ ; or % and must not be . or ..");
        }
    }

    @Test
    void anIdAlreadyStoredOrFromATokenIsReadAsItIs() {
        assertThat(UserId.of("x/../y").value()).isEqualTo("x/../y");
    }
}
