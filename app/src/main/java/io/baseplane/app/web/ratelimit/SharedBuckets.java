package io.baseplane.app.web.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The token buckets of all nodes, one row each in {@code rate_limit_bucket} (Flyway V17), read and written by
 * Bucket4j's PostgreSQL proxy manager: a check locks the bucket's row ({@code select … for update}), updates its state
 * and commits, so two nodes checking the same bucket take turns. A row may be deleted once its bucket has refilled
 * completely plus {@link #KEPT_AFTER_REFILL}, since a full bucket is what a missing one is created as.
 *
 * <p>The node keeps one bucket handle per key, because the handle is where checks of one bucket on this node are
 * batched and where its own copy of the bucket lives ({@link Budget#optimization()}). Handles are bounded in number
 * and dropped when idle; a dropped one costs a fresh read of the row, and the requests it had handed out from its
 * copy but not yet written (fewer than the budget's unsynchronized permits) are never charged.
 */
final class SharedBuckets {

    static final String TABLE = "rate_limit_bucket";

    /**
     * How long a full bucket's row stays: nodes that compute refills and expiry by their own clocks may disagree by
     * this much without a row going while its bucket is not yet full. Also saves re-creating buckets of steady callers.
     */
    static final Duration KEPT_AFTER_REFILL = Duration.ofMinutes(1);

    private static final Duration HANDLE_IDLE = Duration.ofMinutes(10);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> rows;
    private final Cache<String, BucketProxy> handles;

    SharedBuckets(DataSource dataSource, int trackedKeys) {
        this.rows = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_REFILL))
                .build();
        this.handles = Caffeine.newBuilder().maximumSize(trackedKeys).expireAfterAccess(HANDLE_IDLE).build();
    }

    /** The shared bucket of {@code whose} under {@code budget}; nothing is read until it is used. */
    BucketProxy of(Budget budget, String whose) {
        return handles.get(budget.key(whose), key -> rows.builder()
                .withOptimization(budget.optimization())
                .build(key, budget::bucket));
    }

    /**
     * Deletes up to {@code batchSize} rows that have expired, skipping rows a check holds locked at the moment
     * (so nodes cleaning at the same time do not wait on each other); returns how many went.
     */
    int removeExpired(int batchSize) {
        return rows.removeExpired(batchSize);
    }
}
