package io.baseplane.app.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache on a size-bounded Caffeine map: the most recently used aggregates stay loaded.
 * Axon's {@code WeakReferenceCache} lost every entry at each young collection, which under load came every
 * second or two, so most commands loaded their aggregate again from its snapshot and up to a snapshot
 * threshold of events (docs/adr/0013).
 */
final class BoundedAggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;

    BoundedAggregateCache(long maximumSize) {
        // Evictions run on the writing thread: no work for the common fork-join pool.
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build().asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, absent -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (present, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** No Axon component of this platform listens to the aggregate cache; refusing is better than ignoring. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache does not notify listeners");
    }
}
