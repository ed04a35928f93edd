package io.baseplane.saga.common;

import java.util.concurrent.Executor;

/** Test access to {@link TenantFairExecutor}'s constructor, for pools whose threads a test controls. */
public final class TenantFairExecutors {

    private TenantFairExecutors() {
    }

    /** Runs each task through {@code threads}, with no limit per tenant or in all. */
    public static TenantFairExecutor on(Executor threads) {
        return new TenantFairExecutor(threads, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }
}
