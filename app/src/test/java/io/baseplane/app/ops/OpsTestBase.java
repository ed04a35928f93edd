package io.baseplane.app.ops;

import io.baseplane.app.testing.PlatformTestBase;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests of the operators' saga API: saga rows made for the test (removed again after it), the journal and event log
 * read back, and a tenant of the test's own, so other tests' sagas never disturb what a filter returns.
 */
abstract class OpsTestBase extends PlatformTestBase {

    protected SagaRows rows;
    protected SagaEvents written;
    protected String tenantId;

    @BeforeEach
    void sagaRowsOfTheTestsOwnTenant() {
        rows = new SagaRows(jdbc);
        written = new SagaEvents(jdbc);
        tenantId = UUID.randomUUID().toString();
    }

    @AfterEach
    void deleteRows() {
        rows.deleteAll();
    }
}
