package io.baseplane.app.airtable;

import io.baseplane.command.airtable.AirtableTokenGrants;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.saga.airtable.client.AirtableProperties;
import org.springframework.stereotype.Component;

/** The grants configured with the tokens themselves ({@code baseplane.airtable.token-grants.<ref>}). */
@Component
class ConfiguredAirtableTokenGrants implements AirtableTokenGrants {

    private final AirtableProperties properties;

    ConfiguredAirtableTokenGrants(AirtableProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean granted(TenantId tenantId, String tokenRef) {
        return properties.granted(tenantId.toString(), tokenRef);
    }
}
