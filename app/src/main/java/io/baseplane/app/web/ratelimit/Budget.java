package io.baseplane.app.web.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * One kind of request budget: {@code permits} requests per {@code period} for each caller, tenant or address, held in
 * a token bucket that every node shares. Like the Resilience4j limiters before it, a bucket starts full and gets its
 * whole budget back at the end of each period (not bit by bit), so {@code Retry-After} points at the next refill.
 *
 * @param kind                   what the budget belongs to: caller, tenant or failed-authentication address
 * @param permits                requests per period
 * @param period                 the refill period
 * @param unsynchronizedPermits  requests a node may hand out from its own copy of the bucket before writing them to
 *                               the shared one; 0: every check is a transaction on the shared bucket
 * @param maxUnsynchronizedTime  longest a node answers from its own copy before it reads the shared bucket again
 */
record Budget(String kind, int permits, Duration period, long unsynchronizedPermits, Duration maxUnsynchronizedTime) {

    /** Longest part of a key that is kept readable; a longer one (a subject nobody would choose) is hashed. */
    private static final int MAX_READABLE = 200;

    BucketConfiguration bucket() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(permits).refillIntervally(permits, period).build())
                .build();
    }

    /**
     * How a node talks to the shared bucket. Either way, checks of the same bucket that arrive on one node while its
     * transaction runs wait and go to the database together, as one transaction (batching). With unsynchronized
     * permits the node also answers from its own copy until it has handed out that many or
     * {@code maxUnsynchronizedTime} has passed, then writes what it handed out and reads the shared state back
     * (delaying): fewer transactions for busy callers, at the price of each node overshooting by at most
     * {@code unsynchronizedPermits}, which the shared bucket takes back from the following period.
     */
    Optimization optimization() {
        return unsynchronizedPermits == 0 ? Optimizations.batching()
                : Optimizations.delaying(new DelayParameters(unsynchronizedPermits, maxUnsynchronizedTime));
    }

    /**
     * The bucket's row id: kind, budget and whose. The budget is part of it, so a node started with other budgets uses
     * other buckets instead of sharing one whose configuration no longer matches; the old rows expire.
     */
    String key(String whose) {
        return kind + ":" + permits + "/" + period + ":" + (whose.length() <= MAX_READABLE ? whose : sha256(whose));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
