package io.baseplane.app.ops;

/** How many events a processor has parked in its dead-letter queue. */
public interface DeadLetterCounts {

    long count(String processor);
}
