package io.baseplane.app.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The token-minting endpoint refuses to exist in the prod profile, whatever turned it on. */
class DevTokensInProductionTest {

    private final SecurityProperties enabled = new SecurityProperties(null, null, null, null, null, true, null, null);

    @Test
    void theProdProfileRefusesToStartWithDevTokens() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");

        assertThatThrownBy(() -> new DevTokenController(null, enabled, production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prod");
    }

    @Test
    void theLocalProfileMayHaveThem() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");

        assertThatCode(() -> new DevTokenController(null, enabled, local)).doesNotThrowAnyException();
    }
}
