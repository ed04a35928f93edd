package io.baseplane.query.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the query API.
 *
 * @param minVersionWait how long a query with {@code X-Min-Version} waits for the view to catch up before
 *                       answering 503 with {@code Retry-After}
 * @param maxPageSize    largest page a list query may ask for
 */
@ConfigurationProperties("baseplane.query")
public record QueryProperties(Duration minVersionWait, Integer maxPageSize) {

    public QueryProperties {
        minVersionWait = minVersionWait == null ? Duration.ofSeconds(5) : minVersionWait;
        maxPageSize = maxPageSize == null ? 200 : maxPageSize;
    }
}
