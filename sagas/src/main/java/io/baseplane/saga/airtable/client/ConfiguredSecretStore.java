package io.baseplane.saga.airtable.client;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Default {@link SecretStore}: the tokens configured under {@code baseplane.airtable.tokens.<ref>}. */
@Component
public class ConfiguredSecretStore implements SecretStore {

    private final AirtableProperties properties;

    public ConfiguredSecretStore(AirtableProperties properties) {
        this.properties = properties;
    }

    @Override
    public Optional<String> secret(String tokenRef) {
        if (tokenRef == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(properties.tokens().get(tokenRef)).filter(token -> !token.isBlank());
    }

    @Override
    public String toString() {
        return "ConfiguredSecretStore" + properties.tokens().keySet();
    }
}
