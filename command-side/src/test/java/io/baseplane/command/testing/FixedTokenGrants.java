package io.baseplane.command.testing;

import io.baseplane.command.airtable.AirtableTokenGrants;
import io.baseplane.kernel.tenant.TenantId;
import java.util.HashSet;
import java.util.Set;

/** Token grants a test sets by hand: every token for every tenant, or only those it names. */
public final class FixedTokenGrants implements AirtableTokenGrants {

    private final Set<String> grants = new HashSet<>();
    private boolean everything;

    public static FixedTokenGrants all() {
        FixedTokenGrants grants = new FixedTokenGrants();
        grants.everything = true;
        return grants;
    }

    public static FixedTokenGrants none() {
        return new FixedTokenGrants();
    }

    public FixedTokenGrants grant(TenantId tenantId, String tokenRef) {
        grants.add(tenantId + "/" + tokenRef);
        return this;
    }

    public FixedTokenGrants withdrawAll() {
        everything = false;
        grants.clear();
        return this;
    }

    @Override
    public boolean granted(TenantId tenantId, String tokenRef) {
        return everything || grants.contains(tenantId + "/" + tokenRef);
    }
}
