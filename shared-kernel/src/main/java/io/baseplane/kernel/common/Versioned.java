package io.baseplane.kernel.common;

/**
 * A read model that knows which version of its aggregate it reflects (the sequence number of the last
 * event applied), which the API sends as ETag and read-your-writes waits for.
 */
public interface Versioned {

    long version();
}
