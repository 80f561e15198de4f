package app.medianest.server.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A read-through cache with shared keys and per-user keys (a user's entries can only be read with that
 * user's id, so one user never gets another's data), and invalidation by key, by key prefix, by user, or of
 * everything.
 *
 * <p>Read after write: a writer changes the data first, then invalidates. A load that started before the
 * invalidation may have read the old data, so it must not be stored: every invalidation bumps a generation
 * under a write lock (the user's own generation for {@link #invalidateUser} and
 * {@link #invalidateForUser}, the cache's for everything else), and a loaded value is stored (under the
 * read lock) only if the generations it depends on are still the ones seen before loading. Hence after
 * {@code invalidate...} returns, no entry older than the write can be read, whatever loads were in flight,
 * while one user's writes do not keep other users' loads from being cached. Hits take no lock; only stores
 * and invalidations do.
 *
 * <p>Hot entries are reloaded ahead of expiry ({@link RefreshAhead}): a hit in the last fifth of the TTL starts one
 * background reload under the same generation rule, so readers never wait for a reload while the entry is read,
 * and no answer is older than the TTL.
 *
 * <p>While the cache's feature flag is off every call loads (and nothing is stored).
 *
 * @param <V> cached values (immutable, or at least never modified after being loaded)
 */
public final class DataCache<V> {
    /** A key: {@code user} is null for shared entries. */
    record Key(UUID user, String key) {
    }

    /** How a lookup was served. */
    enum Served { HIT, MISS, BYPASS }

    /** A value and how it was served. */
    record Lookup<V>(V value, Served served) {
    }

    private final Cache<Key, RefreshAhead.Stamped<V>> cache;
    private final StatsCounter stats;
    private final BooleanSupplier enabled;
    private final RefreshAhead refresh;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong generation = new AtomicLong();
    private final Map<UUID, Long> userGenerations = new ConcurrentHashMap<>();

    DataCache(Cache<Key, RefreshAhead.Stamped<V>> cache, StatsCounter stats, BooleanSupplier enabled,
              RefreshAhead refresh) {
        this.cache = cache;
        this.stats = stats;
        this.enabled = enabled;
        this.refresh = refresh;
    }

    Cache<Key, RefreshAhead.Stamped<V>> caffeine() {
        return cache;
    }

    /** A shared entry: the cached value of {@code key}, loaded with {@code loader} on a miss (null is not cached). */
    public V get(String key, Supplier<V> loader) {
        return fetch(new Key(null, Objects.requireNonNull(key, "key")), loader).value();
    }

    /** {@code user}'s own entry {@code key}, loaded with {@code loader} on a miss. */
    public V getForUser(UUID user, String key, Supplier<V> loader) {
        return fetch(new Key(Objects.requireNonNull(user, "user"), Objects.requireNonNull(key, "key")), loader)
                .value();
    }

    Lookup<V> fetch(Key key, Supplier<V> loader) {
        if (!enabled.getAsBoolean()) {
            return new Lookup<>(loader.get(), Served.BYPASS);
        }
        RefreshAhead.Stamped<V> hit = cache.getIfPresent(key);
        if (hit != null) {
            refresh.onHit(hit, () -> {
                long seen = generation.get();
                long seenUser = userGeneration(key.user());
                return () -> load(key, loader, seen, seenUser);
            });
            return new Lookup<>(hit.value(), Served.HIT);
        }
        return new Lookup<>(load(key, loader, generation.get(), userGeneration(key.user())), Served.MISS);
    }

    /**
     * Loads and stores the value unless an invalidation came after the generations {@code seen} and
     * {@code seenUser} were read (see the class comment).
     */
    private V load(Key key, Supplier<V> loader, long seen, long seenUser) {
        long start = System.nanoTime();
        V loaded;
        try {
            loaded = loader.get();
        } catch (RuntimeException | Error e) {
            stats.recordLoadFailure(System.nanoTime() - start);
            throw e;
        }
        stats.recordLoadSuccess(System.nanoTime() - start);
        if (loaded != null) {
            lock.readLock().lock();
            try {
                if (generation.get() == seen && userGeneration(key.user()) == seenUser && enabled.getAsBoolean()) {
                    cache.put(key, refresh.stamp(loaded));
                }
            } finally {
                lock.readLock().unlock();
            }
        }
        return loaded;
    }

    private long userGeneration(UUID user) {
        return user == null ? 0 : userGenerations.getOrDefault(user, 0L);
    }

    /** Forgets the shared entry {@code key}. */
    public void invalidate(String key) {
        invalidateIf(null, k -> k.user() == null && k.key().equals(key));
    }

    /** Forgets {@code user}'s entry {@code key}. */
    public void invalidateForUser(UUID user, String key) {
        invalidateIf(user, k -> user.equals(k.user()) && k.key().equals(key));
    }

    /** Forgets every entry of {@code user}. */
    public void invalidateUser(UUID user) {
        invalidateIf(user, k -> user.equals(k.user()));
    }

    /** Forgets every entry, shared or per user, whose key starts with {@code prefix}. */
    public void invalidatePrefix(String prefix) {
        invalidateIf(null, k -> k.key().startsWith(prefix));
    }

    /** Forgets everything. */
    public void invalidateAll() {
        invalidateIf(null, k -> true);
    }

    /** Removes matching entries; {@code user} non-null: only that user's loads in flight are affected. */
    private void invalidateIf(UUID user, Predicate<Key> matches) {
        lock.writeLock().lock();
        try {
            if (user == null) {
                generation.incrementAndGet();
            } else {
                userGenerations.merge(user, 1L, Long::sum);
            }
            cache.asMap().keySet().removeIf(matches);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Entries now (approximate). */
    public long size() {
        return cache.estimatedSize();
    }
}
