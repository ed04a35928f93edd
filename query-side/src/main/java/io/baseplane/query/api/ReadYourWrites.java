package io.baseplane.query.api;

import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.Versioned;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code X-Min-Version: N}: answer only once the view reflects version N of its aggregate, waiting up to
 * {@code baseplane.query.min-version-wait}. A client that just wrote version N (from the command's ETag)
 * thereby reads its own write although projections are asynchronous.
 */
@Component
public class ReadYourWrites {

    public static final String HEADER = "X-Min-Version";
    private static final Duration FIRST_PAUSE = Duration.ofMillis(5);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(100);

    private final QueryProperties properties;

    ReadYourWrites(QueryProperties properties) {
        this.properties = properties;
    }

    /**
     * Reads the view, re-reading until it reaches {@code minVersion} (a header value, may be null). A view
     * that does not exist yet counts as not caught up while a minimum version is asked for.
     */
    public <V extends Versioned> V read(Supplier<V> view, String minVersion) {
        Long wanted = parse(minVersion);
        if (wanted == null) {
            return view.get();
        }
        long deadline = System.nanoTime() + properties.minVersionWait().toNanos();
        Duration pause = FIRST_PAUSE;
        long seen = -1;
        while (true) {
            try {
                V current = view.get();
                if (current.version() >= wanted) {
                    return current;
                }
                seen = current.version();
            } catch (NotFoundException notYet) {
                seen = -1;
            }
            if (System.nanoTime() + pause.toNanos() > deadline) {
                throw new ViewNotCaughtUpException(wanted, seen, Duration.ofSeconds(1));
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private static Long parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long version = Long.parseLong(header.strip());
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidValueException(HEADER, "must be a version number (0 or more)");
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the view", e);
        }
    }
}
