package io.baseplane.app.axon;

import java.lang.reflect.Field;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The aggregate cache, checked against the event store before a command uses an entry: when the store holds a later
 * event of the aggregate than the cached copy has seen (another node handled a command for it), the entry is
 * dropped and the aggregate is loaded from the store (its snapshot and the events after it). So no node decides on a
 * stale aggregate, and {@code If-Match} is compared with the stored version. The check is one indexed lookup of the
 * aggregate's last sequence number, in the command's own transaction; a race with another node's append between
 * the check and the commit still ends in a {@code ConcurrencyException}, which the command gateway retries.
 */
final class StoreCheckedAggregateCache implements Cache {

    /**
     * Axon keeps the version a cache entry was taken at in a private field and offers no getter (Axon 4); read once
     * per lookup, it is the whole price of knowing whether the entry is current.
     */
    private static final Field CACHED_VERSION = cachedVersionField();

    private final Cache entries;
    private final Supplier<EventStore> eventStore;

    StoreCheckedAggregateCache(Cache entries, Supplier<EventStore> eventStore) {
        this.entries = entries;
        this.eventStore = eventStore;
    }

    @Override
    public <K, V> V get(K key) {
        V entry = entries.get(key);
        if (entry instanceof AggregateCacheEntry<?> cached && !current(key, cached)) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    private boolean current(Object aggregateId, AggregateCacheEntry<?> cached) {
        Optional<Long> stored = eventStore.get().lastSequenceNumberFor(aggregateId.toString());
        return stored.isEmpty() || stored.get().equals(versionOf(cached));
    }

    private static Long versionOf(AggregateCacheEntry<?> cached) {
        try {
            return (Long) CACHED_VERSION.get(cached);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the version of a cached aggregate", e);
        }
    }

    private static Field cachedVersionField() {
        try {
            Field version = AggregateCacheEntry.class.getDeclaredField("version");
            version.setAccessible(true);
            return version;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version field any more", e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return entries.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, update);
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key);
    }

    @Override
    public void removeAll() {
        entries.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return entries.registerCacheEntryListener(cacheEntryListener);
    }
}
