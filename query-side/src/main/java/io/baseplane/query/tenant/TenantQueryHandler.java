package io.baseplane.query.tenant;

import io.baseplane.kernel.common.Caller;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.query.FindTenantQuery;
import io.baseplane.kernel.tenant.query.TenantView;
import io.baseplane.projection.tenant.TenantViewEntity;
import io.baseplane.projection.tenant.TenantViewRepository;
import io.baseplane.query.api.ReadOnlyTransactions;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers tenant queries from the tenant view. A caller of another tenant learns nothing: not found. */
@Component
class TenantQueryHandler {

    private final TenantViewRepository tenants;
    private final ReadOnlyTransactions transactions;

    TenantQueryHandler(TenantViewRepository tenants, ReadOnlyTransactions transactions) {
        this.tenants = tenants;
        this.transactions = transactions;
    }

    @QueryHandler
    TenantView handle(FindTenantQuery query, MetaData metaData) {
        TenantId tenantId = query.tenantId();
        Caller.from(metaData).requireAccessTo(tenantId, "tenant", tenantId);
        return transactions.read(() -> tenants.findById(tenantId.value())
                .map(TenantViewEntity::toView)
                .orElseThrow(() -> new NotFoundException("tenant", tenantId)));
    }
}
