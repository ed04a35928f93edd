package io.baseplane.app.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API.
 *
 * @param maxRequestBody       largest request body accepted; larger ones get 413 before they are read
 * @param idempotencyRetention how long the first answer to an {@code Idempotency-Key} is replayed
 * @param bodyReadTimeout      how long after a request's start its whole body must have arrived (else 408)
 * @param requestsPerAddress   requests one client address may have in progress at once (else 429): what a slow
 *                             or greedy client can hold of the server's threads. Behind a reverse proxy, set
 *                             {@code server.forward-headers-strategy} so clients are told apart
 */
@ConfigurationProperties("baseplane.web")
public record WebProperties(DataSize maxRequestBody, Duration idempotencyRetention, Duration bodyReadTimeout,
                            Integer requestsPerAddress) {

    public WebProperties {
        maxRequestBody = maxRequestBody == null ? DataSize.ofKilobytes(64) : maxRequestBody;
        idempotencyRetention = idempotencyRetention == null ? Duration.ofHours(24) : idempotencyRetention;
        bodyReadTimeout = bodyReadTimeout == null ? Duration.ofSeconds(10) : bodyReadTimeout;
        requestsPerAddress = requestsPerAddress == null ? 64 : requestsPerAddress;
    }
}
