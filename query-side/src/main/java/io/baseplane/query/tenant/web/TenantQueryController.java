package io.baseplane.query.tenant.web;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.query.FindTenantQuery;
import io.baseplane.kernel.tenant.query.TenantView;
import io.baseplane.query.api.QuerySender;
import io.baseplane.query.api.ReadYourWrites;
import io.baseplane.query.api.ViewResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Tenant queries over HTTP; tenant isolation is the query handler's. */
@RestController
class TenantQueryController {

    private final QuerySender queries;
    private final ReadYourWrites readYourWrites;

    TenantQueryController(QuerySender queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/v1/tenants/{tenantId}")
    ResponseEntity<TenantView> tenant(@PathVariable TenantId tenantId,
                                      @RequestHeader(name = ReadYourWrites.HEADER, required = false)
                                      String minVersion) {
        return ViewResponses.ok(readYourWrites.read(
                () -> queries.ask(new FindTenantQuery(tenantId), TenantView.class), minVersion));
    }
}
