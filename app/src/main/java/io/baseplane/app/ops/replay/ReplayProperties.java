package io.baseplane.app.ops.replay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The replay tooling's settings ({@code baseplane.replay}).
 *
 * @param tick         how often each node applies pauses and replays, and advances the replays it can lock
 * @param diffSamples  differing rows a blue-green diff shows per table and kind
 * @param keepFinished how many replays the list shows
 */
@ConfigurationProperties("baseplane.replay")
public record ReplayProperties(Duration tick, int diffSamples, int keepFinished) {

    public ReplayProperties {
        tick = tick == null ? Duration.ofMillis(500) : tick;
        diffSamples = diffSamples <= 0 ? 10 : diffSamples;
        keepFinished = keepFinished <= 0 ? 100 : keepFinished;
    }
}
