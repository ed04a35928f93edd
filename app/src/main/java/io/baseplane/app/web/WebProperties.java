package io.baseplane.app.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API.
 *
 * @param maxRequestBody       largest request body accepted; larger ones get 413 before they are read
 * @param idempotencyRetention how long the first answer to an {@code Idempotency-Key} is replayed
 */
@ConfigurationProperties("baseplane.web")
public record WebProperties(DataSize maxRequestBody, Duration idempotencyRetention) {

    public WebProperties {
        maxRequestBody = maxRequestBody == null ? DataSize.ofKilobytes(64) : maxRequestBody;
        idempotencyRetention = idempotencyRetention == null ? Duration.ofHours(24) : idempotencyRetention;
    }
}
