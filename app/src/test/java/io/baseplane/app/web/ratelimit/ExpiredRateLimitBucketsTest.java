package io.baseplane.app.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.PlatformTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code rate_limit_bucket} does not grow without bound: a request's bucket row says when it may go (once the bucket
 * would be full again, plus {@link SharedBuckets#KEPT_AFTER_REFILL}), and the cleanup every node runs deletes the rows
 * that have expired, however many, and no others. Real rows in the test platform's database.
 */
class ExpiredRateLimitBucketsTest extends PlatformTestBase {

    private static final long MARGIN_MILLIS = SharedBuckets.KEPT_AFTER_REFILL.toMillis();

    @Autowired
    private ExpiredBucketCleanup cleanup;

    @Test
    void aCallersBucketExpiresAMinuteAfterItWouldBeFullAgain() {
        String tenantId = UUID.randomUUID().toString();
        String caller = "expiry-" + UUID.randomUUID();
        long before = System.currentTimeMillis();
        api.as(tokens.member(tenantId, caller)).get("/api/v1/tenants/" + tenantId);
        long after = System.currentTimeMillis();

        Long expiresAt = jdbc.queryForObject("select expires_at from rate_limit_bucket where id like ?", Long.class,
                "caller:%:" + caller + "@" + tenantId);

        // One request out of a budget that is refilled every second (the test profile's period): full again within it.
        assertThat(expiresAt).isBetween(before + MARGIN_MILLIS, after + 1_000 + MARGIN_MILLIS);
    }

    @Test
    void theCleanupDeletesEveryExpiredRowAndNoOther() {
        String run = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        int expired = ExpiredBucketCleanup.BATCH * 2 + 500;
        jdbc.update("insert into rate_limit_bucket (id, state, expires_at) select ? || n, null, ? "
                + "from generate_series(1, ?) n", "expired-" + run + ":", now - 1_000, expired);
        jdbc.update("insert into rate_limit_bucket (id, state, expires_at) values (?, null, ?)", "live-" + run,
                now + MARGIN_MILLIS);
        String tenantId = UUID.randomUUID().toString();
        api.as(tokens.member(tenantId, "recent-" + run)).get("/api/v1/tenants/" + tenantId);

        int removed = cleanup.removeExpiredRows();

        assertThat(removed).as("in batches of %d", ExpiredBucketCleanup.BATCH).isGreaterThanOrEqualTo(expired);
        assertThat(count("expired-" + run + ":%")).isZero();
        assertThat(count("live-" + run)).isOne();
        assertThat(count("caller:%:recent-" + run + "@" + tenantId)).as("a bucket in use stays").isOne();
    }

    private int count(String idPattern) {
        return jdbc.queryForObject("select count(*) from rate_limit_bucket where id like ?", Integer.class, idPattern);
    }
}
