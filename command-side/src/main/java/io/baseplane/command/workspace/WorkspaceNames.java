package io.baseplane.command.workspace;

import io.baseplane.kernel.tenant.TenantId;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The set of workspace names claimed in each tenant, kept on the command side so uniqueness is decided
 * against current data, not a lagging projection.
 */
public interface WorkspaceNames {

    /** Whether another workspace of the tenant already holds a name with the same {@link #key(String)}. */
    boolean isTaken(TenantId tenantId, String name);

    /**
     * The form in which names are compared: "Café", "CAFÉ " and "Cafe\u0301" are one name. The only place
     * this comparison is defined, so the early check and the claim table can never disagree.
     */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }
}
