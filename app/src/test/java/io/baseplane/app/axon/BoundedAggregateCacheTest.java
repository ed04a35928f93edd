package io.baseplane.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    private final BoundedAggregateCache cache = new BoundedAggregateCache(100);

    @Test
    void keepsWhatWasPutUntilRemoved() {
        cache.put("a", "aggregate a");
        assertThat(cache.putIfAbsent("a", "other")).isFalse();
        assertThat(cache.putIfAbsent("b", "aggregate b")).isTrue();

        assertThat(cache.<String, String>get("a")).isEqualTo("aggregate a");
        assertThat(cache.containsKey("b")).isTrue();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.<String, String>get("a")).isNull();

        cache.removeAll();
        assertThat(cache.containsKey("b")).isFalse();
    }

    @Test
    void computesOnlyWhereTheEntryIsAbsentOrPresent() {
        assertThat(cache.computeIfAbsent("a", () -> "first")).isEqualTo("first");
        assertThat(cache.computeIfAbsent("a", () -> "second")).isEqualTo("first");

        cache.<String>computeIfPresent("a", value -> value + " updated");
        cache.<String>computeIfPresent("missing", value -> "never");

        assertThat(cache.<String, String>get("a")).isEqualTo("first updated");
        assertThat(cache.containsKey("missing")).isFalse();
    }

    @Test
    void holdsNoMoreThanItsSizeAndKeepsTheRecentlyUsed() {
        cache.put("hot", "kept");
        IntStream.range(0, 1_000).forEach(i -> {
            cache.put("cold-" + i, i);
            cache.get("hot");
        });

        long cached = IntStream.range(0, 1_000).filter(i -> cache.containsKey("cold-" + i)).count();
        assertThat(cached).isLessThanOrEqualTo(100);
        assertThat(cache.containsKey("hot")).isTrue();
    }

    @Test
    void refusesListenersItWouldNotNotify() {
        assertThatThrownBy(() -> cache.registerCacheEntryListener(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
