package io.baseplane.saga.airtable.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.baseplane.kernel.airtable.FieldSchema;
import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.saga.airtable.client.AirtableException.Kind;
import io.baseplane.saga.airtable.client.FakeAirtable.Reply;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpAirtableClientTest {

    private static final String BASE = "appAAAAAAAAAAAAAA";
    private static final String OTHER_BASE = "appBBBBBBBBBBBBBB";
    private static final String TABLE = "tblTTTTTTTTTTTTTT";
    private static final String TOKEN = "patSECRET.0123456789abcdef";
    private static final String REF = "acme-main";

    private FakeAirtable airtable;

    @BeforeEach
    void start() throws Exception {
        airtable = new FakeAirtable();
    }

    @AfterEach
    void stop() {
        airtable.close();
    }

    /** Small backoffs and a generous rate so only the rate-limit test waits for permits. */
    private HttpAirtableClient client(int perSecond, int maxAttempts, Duration requestTimeout) {
        AirtableProperties props = new AirtableProperties(airtable.baseUrl(), Duration.ofSeconds(2), requestTimeout,
                perSecond, maxAttempts, Duration.ofMillis(20), Duration.ofMillis(100), Map.of(REF, TOKEN), null);
        return new HttpAirtableClient(props, new ConfiguredSecretStore(props));
    }

    private HttpAirtableClient client() {
        return client(1000, 3, Duration.ofSeconds(5));
    }

    private static String records(int from, int to, String offset) {
        String list = IntStream.range(from, to)
                .mapToObj(i -> "{\"id\":\"rec" + String.format("%014d", i) + "\",\"createdTime\":\"2024-05-01T10:00:00.000Z\","
                        + "\"fields\":{\"Name\":\"row " + i + "\",\"Count\":" + i + "}}")
                .collect(Collectors.joining(","));
        return "{\"records\":[" + list + "]" + (offset == null ? "" : ",\"offset\":\"" + offset + "\"") + "}";
    }

    @Test
    void listsTheTablesOfABaseWithTheirFields() {
        airtable.answer(seen -> Reply.json("""
                {"tables":[
                  {"id":"tblTTTTTTTTTTTTTT","name":"Projects","primaryFieldId":"fld00000000000001","fields":[
                    {"id":"fld00000000000001","name":"Name","type":"singleLineText"},
                    {"id":"fld00000000000002","name":"Budget","type":"currency","options":{"precision":2}}],
                   "views":[]},
                  {"id":"tblUUUUUUUUUUUUUU","name":"Tasks","fields":[]}]}"""));

        List<TableSchema> tables = client().listTables(BASE, REF);

        assertThat(tables).containsExactly(
                new TableSchema(TABLE, "Projects", List.of(
                        new FieldSchema("fld00000000000001", "Name", "singleLineText"),
                        new FieldSchema("fld00000000000002", "Budget", "currency"))),
                new TableSchema("tblUUUUUUUUUUUUUU", "Tasks", List.of()));
        assertThat(airtable.requests()).singleElement().satisfies(seen -> {
            assertThat(seen.method()).isEqualTo("GET");
            assertThat(seen.path()).isEqualTo("/v0/meta/bases/" + BASE + "/tables");
        });
    }

    @Test
    void pagesThroughAllRecordsInOrderFollowingTheOffset() {
        String first = "itrFIRST/recPAGE+2";
        String second = "itrSECOND/rec 3";
        airtable.answer(seen -> {
            if (seen.query().equals("pageSize=100")) {
                return Reply.json(records(0, 100, first));
            }
            if (seen.query().equals("pageSize=100&offset=" + first)) {
                return Reply.json(records(100, 200, second));
            }
            if (seen.query().equals("pageSize=100&offset=" + second)) {
                return Reply.json(records(200, 230, null));
            }
            return Reply.status(422, "{\"error\":{\"type\":\"LIST_RECORDS_ITERATOR_NOT_AVAILABLE\"}}");
        });
        HttpAirtableClient client = client();

        List<AirtableRecord> all = new ArrayList<>();
        String offset = null;
        int pages = 0;
        do {
            RecordPage page = client.listRecords(BASE, TABLE, offset, REF);
            all.addAll(page.records());
            offset = page.offset();
            pages++;
        } while (offset != null);

        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(230);
        assertThat(all).extracting(AirtableRecord::id)
                .containsExactlyElementsOf(IntStream.range(0, 230).mapToObj(i -> "rec" + String.format("%014d", i)).toList());
        assertThat(all.get(123).fields()).containsEntry("Name", "row 123").containsEntry("Count", 123);
        assertThat(all.get(0).createdTime()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(airtable.requests()).extracting(FakeAirtable.Seen::path).containsOnly("/v0/" + BASE + "/" + TABLE);
        assertThat(airtable.requests()).extracting(FakeAirtable.Seen::query).containsExactly(
                "pageSize=100", "pageSize=100&offset=" + first, "pageSize=100&offset=" + second);
    }

    @Test
    void sendsTheTokenAsBearerButNeverPutsItIntoAnException() {
        airtable.answer(seen -> Reply.status(401,
                "{\"error\":{\"type\":\"AUTHENTICATION_REQUIRED\",\"message\":\"Bad token " + TOKEN + "\"}}"));
        HttpAirtableClient client = client();

        AirtableException e = catchThrowableOfType(() -> client.listTables(BASE, REF), AirtableException.class);

        assertThat(airtable.requests()).singleElement()
                .extracting(FakeAirtable.Seen::authorization).isEqualTo("Bearer " + TOKEN);
        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).contains("401").contains("AUTHENTICATION_REQUIRED").doesNotContain(TOKEN);
        assertThat(e.toString()).doesNotContain(TOKEN);
        assertThat(client.toString()).doesNotContain(TOKEN);
        assertThat(new AirtableProperties(airtable.baseUrl(), null, null, 5, 5, null, null, Map.of(REF, TOKEN), null).toString())
                .contains(REF).doesNotContain(TOKEN);
    }

    @Test
    void failsClearlyWithoutCallingAirtableWhenNoTokenIsStoredUnderTheRef() {
        AirtableException e = catchThrowableOfType(() -> client().listTables(BASE, "unknown-ref"), AirtableException.class);

        assertThat(e.kind()).isEqualTo(Kind.MISSING_TOKEN);
        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).contains("unknown-ref");
        assertThat(airtable.requests()).isEmpty();
    }

    @Test
    void rejectsMalformedBaseAndTableIdsBeforeAnyRequest() {
        HttpAirtableClient client = client();

        assertThatThrownBy(() -> client.listTables("app123/../x", REF))
                .isInstanceOfSatisfying(AirtableException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));
        assertThatThrownBy(() -> client.listRecords(BASE, "tbl?x=1", null, REF))
                .isInstanceOfSatisfying(AirtableException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));
        assertThatThrownBy(() -> client.listRecords(BASE, "tblTTTTTTTTTTTTT", null, REF))
                .isInstanceOf(AirtableException.class);
        assertThat(airtable.requests()).isEmpty();
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOnA429ThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        airtable.answer(seen -> calls.incrementAndGet() == 1
                ? Reply.status(429, "{\"errors\":[{\"error\":\"RATE_LIMIT_REACHED\"}]}").withHeader("Retry-After", "1")
                : Reply.json(records(0, 2, null)));

        RecordPage page = client().listRecords(BASE, TABLE, null, REF);

        assertThat(page.records()).hasSize(2);
        assertThat(page.last()).isTrue();
        List<FakeAirtable.Seen> seen = airtable.requests();
        assertThat(seen).hasSize(2);
        assertThat(Duration.ofNanos(seen.get(1).atNanos() - seen.get(0).atNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void retriesServerErrorsWithBackoffUntilAirtableAnswers() {
        AtomicInteger calls = new AtomicInteger();
        airtable.answer(seen -> calls.incrementAndGet() <= 2
                ? Reply.status(503, "{\"error\":\"SERVICE_UNAVAILABLE\"}")
                : Reply.json("{\"tables\":[]}"));

        assertThat(client().listTables(BASE, REF)).isEmpty();
        assertThat(airtable.requests()).hasSize(3);
    }

    @Test
    void doesNotRetryANotFound() {
        airtable.answer(seen -> Reply.status(404, "{\"error\":{\"type\":\"TABLE_NOT_FOUND\",\"message\":\"Could not find table\"}}"));

        AirtableException e = catchThrowableOfType(() -> client().listRecords(BASE, TABLE, null, REF), AirtableException.class);

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.permanent()).isTrue();
        assertThat(e.status()).isEqualTo(404);
        assertThat(airtable.requests()).hasSize(1);
    }

    @Test
    void retriesASlowResponseAndFailsAsTransientWhenItStaysSlow() {
        airtable.answer(seen -> Reply.json("{\"tables\":[]}").delayed(1_500));
        HttpAirtableClient client = client(1000, 3, Duration.ofMillis(250));

        long start = System.nanoTime();
        AirtableException e = catchThrowableOfType(() -> client.listTables(BASE, REF), AirtableException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.permanent()).isFalse();
        assertThat(e.getMessage()).contains("timed out");
        assertThat(airtable.requests()).hasSize(3);
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void spacesRequestsToOneBaseAtFivePerSecondButLimitsEachBaseSeparately() throws Exception {
        airtable.answer(seen -> Reply.json("{\"tables\":[]}"));
        HttpAirtableClient client = client(5, 1, Duration.ofSeconds(5));

        long start = System.nanoTime();
        for (int i = 0; i < 12; i++) {
            client.listTables(BASE, REF);
        }
        Duration oneBase = Duration.ofNanos(System.nanoTime() - start);
        assertThat(oneBase).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));

        HttpAirtableClient fresh = client(5, 1, Duration.ofSeconds(5));
        start = System.nanoTime();
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> IntStream.range(0, 12).forEach(i -> fresh.listTables(BASE, REF)));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> IntStream.range(0, 12).forEach(i -> fresh.listTables(OTHER_BASE, REF)));
        CompletableFuture.allOf(a, b).get();
        Duration twoBases = Duration.ofNanos(System.nanoTime() - start);
        // 24 requests through one shared limiter would take at least 4.6 s; separate limiters about 2.2 s.
        // The bound sits just below the shared figure so that a slow machine does not fail the test.
        assertThat(twoBases).isGreaterThanOrEqualTo(Duration.ofMillis(1_900)).isLessThan(Duration.ofMillis(4_400));
    }

    @Test
    void opensTheCircuitAfterRepeatedServerErrorsAndThenFailsFastWithoutCallingAirtable() {
        airtable.answer(seen -> Reply.status(500, "{\"error\":\"SERVER_ERROR\"}"));
        HttpAirtableClient client = client();

        AirtableException first = catchThrowableOfType(() -> client.listTables(BASE, REF), AirtableException.class);
        assertThat(first.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(first.status()).isEqualTo(500);
        assertThat(airtable.requests()).hasSize(3);

        // The fifth failed attempt opens the breaker; the sixth is refused locally.
        catchThrowableOfType(() -> client.listTables(BASE, REF), AirtableException.class);
        assertThat(client.circuitState(BASE)).isEqualTo(CircuitBreaker.State.OPEN);
        int reached = airtable.requests().size();
        assertThat(reached).isEqualTo(5);

        long start = System.nanoTime();
        AirtableException fast = catchThrowableOfType(() -> client.listTables(BASE, REF), AirtableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
        assertThat(fast.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(fast.permanent()).isFalse();
        assertThat(fast.getMessage()).contains("circuit breaker").contains(BASE);
        assertThat(airtable.requests()).hasSize(reached);

        // Another base has its own breaker and still reaches Airtable.
        airtable.answer(seen -> Reply.json("{\"tables\":[]}"));
        assertThat(client.listTables(OTHER_BASE, REF)).isEmpty();
        assertThat(client.circuitState(OTHER_BASE)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        assertThat(HttpAirtableClient.retryAfter("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(HttpAirtableClient.retryAfter("soon")).isNull();
        assertThat(HttpAirtableClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    }
}
