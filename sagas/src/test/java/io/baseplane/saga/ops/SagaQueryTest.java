package io.baseplane.saga.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.saga.SagaStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SagaQueryTest {

    private static final String TENANT = "0b4c5d6e-1111-4222-8333-944455556666";

    @Test
    void nothingGivenListsEverythingStalestFirstFiftyAtATime() {
        SagaQuery query = SagaQuery.parse(raw(null, null, null, null, null, null, null), null, null, null);

        assertThat(query.filter()).isEqualTo(SagaFilter.NONE);
        assertThat(query.sort()).isEqualTo(SagaSort.STALEST);
        assertThat(query.cursor()).isNull();
        assertThat(query.limit()).isEqualTo(50);
        assertThat(SagaQuery.parse(null, "", " ", "").filter()).isEqualTo(SagaFilter.NONE);
    }

    @Test
    void everyFieldIsReadWithTypesAndStatusesInAnyCase() {
        SagaQuery query = SagaQuery.parse(raw("workflowexecution", "parked", TENANT, "TRUE", "2026-01-01T00:00:00Z",
                "2026-02-01T00:00:00+01:00", "  Charge  "), "Newest", null, "200");

        assertThat(query.filter()).isEqualTo(new SagaFilter("WorkflowExecution", SagaStatus.PARKED,
                UUID.fromString(TENANT), true, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-31T23:00:00Z"), "Charge"));
        assertThat(query.sort()).isEqualTo(SagaSort.NEWEST);
        assertThat(query.limit()).isEqualTo(200);
    }

    @Test
    void aCursorIsReadForTheSortItCameWith() {
        String cursor = new SagaCursor(SagaSort.NEWEST, Instant.parse("2026-01-01T00:00:00Z"), "s-1").encode();

        assertThat(SagaQuery.parse(null, "newest", cursor, null).cursor().sagaId()).isEqualTo("s-1");
        assertRefused(() -> SagaQuery.parse(null, null, cursor, null), "cursor");
    }

    @Test
    void eachBadFieldIsRefusedByName() {
        assertRefused(() -> SagaQuery.parse(raw("Workflow", null, null, null, null, null, null), null, null, null), "type");
        assertRefused(() -> SagaQuery.parse(raw(null, "STALLED", null, null, null, null, null), null, null, null), "status");
        assertRefused(() -> SagaQuery.parse(raw(null, null, "acme", null, null, null, null), null, null, null), "tenantId");
        assertRefused(() -> SagaQuery.parse(raw(null, null, "1-1-1-1-1", null, null, null, null), null, null, null), "tenantId");
        assertRefused(() -> SagaQuery.parse(raw(null, null, null, "yes", null, null, null), null, null, null), "stuck");
        assertRefused(() -> SagaQuery.parse(raw(null, null, null, null, "yesterday", null, null), null, null, null), "startedAfter");
        assertRefused(() -> SagaQuery.parse(raw(null, null, null, null, null, "2026-01-01", null), null, null, null), "startedBefore");
        assertRefused(() -> SagaQuery.parse(raw(null, null, null, null, null, "+100000-01-01T00:00:00Z", null), null, null, null), "startedBefore");
        assertRefused(() -> SagaQuery.parse(raw(null, null, null, null, null, null, "a\u0000b"), null, null, null), "q");
        assertRefused(() -> SagaQuery.parse(raw(null, null, null, null, null, null, "x".repeat(201)), null, null, null), "q");
        assertRefused(() -> SagaQuery.parse(null, "oldest", null, null), "sort");
        assertRefused(() -> SagaQuery.parse(null, null, "garbage", null), "cursor");
        assertRefused(() -> SagaQuery.parse(null, null, null, "0"), "limit");
        assertRefused(() -> SagaQuery.parse(null, null, null, "201"), "limit");
        assertRefused(() -> SagaQuery.parse(null, null, null, "ten"), "limit");
    }

    @Test
    void aBatchFilterNamesItsFieldsUnderItsPrefixAndKeepsOnlyWhatFilters() {
        assertThatThrownBy(() -> SagaFilter.parse(raw(null, "NOPE", null, null, null, null, null), "filter."))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("filter.status"));

        SagaFilter filter = SagaFilter.parse(raw("AirtableSyncRun", null, TENANT, "false", null, null, null), "filter.");

        assertThat(filter.asMap()).isEqualTo(Map.of("type", "AirtableSyncRun", "tenantId", TENANT, "stuck", false));
    }

    private static SagaFilter.Raw raw(String type, String status, String tenantId, String stuck, String after,
                                      String before, String q) {
        return new SagaFilter.Raw(type, status, tenantId, stuck, after, before, q);
    }

    private static void assertRefused(ThrowingCallable parse, String field) {
        assertThatThrownBy(parse).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).as(e.getMessage()).isEqualTo(field));
    }
}
