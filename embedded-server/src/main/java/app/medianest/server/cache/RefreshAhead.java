package app.medianest.server.cache;

import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Refresh-ahead for expire-after-write caches: an entry read in the last fifth of its TTL is still answered from
 * the cache, and one reload of it starts in the background; when that reload succeeds it replaces the entry. A
 * hot entry therefore never expires under steady traffic, so no user waits for its reload (the periodic
 * slow request every TTL that plain expiry gives), while an entry nobody reads expires as before. No answer is
 * ever older than the TTL: the entry being replaced still expires on time if its reload fails or is slow.
 *
 * <p>At most one reload per entry is started (the entry's flag), reloads run on virtual threads, and a failed
 * reload is only logged at DEBUG: the next read after expiry loads in the foreground, with the caller's usual
 * error handling.
 */
public final class RefreshAhead {
    /** Fraction of the TTL after which a read starts a reload. */
    public static final double AT = 0.8;

    private static final System.Logger LOG = System.getLogger(RefreshAhead.class.getName());
    private static final Executor VIRTUAL = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("cache-refresh-", 0).factory());

    private final Ticker ticker;
    private final long afterNanos;
    private final Executor executor;

    private RefreshAhead(Ticker ticker, long afterNanos, Executor executor) {
        this.ticker = ticker;
        this.afterNanos = afterNanos;
        this.executor = executor;
    }

    /**
     * Refresh-ahead at {@link #AT} of {@code ttl}, reloading on {@code executor}, or on virtual threads when it is
     * null (tests pass one they run themselves).
     */
    public static RefreshAhead of(Duration ttl, Ticker ticker, Executor executor) {
        long ttlNanos = ttl.toNanos();
        return new RefreshAhead(ticker, ttlNanos <= 0 ? Long.MAX_VALUE : (long) (ttlNanos * AT),
                executor == null ? VIRTUAL : executor);
    }

    /** {@code value} stamped with the current time, to be stored. */
    public <V> Stamped<V> stamp(V value) {
        return new Stamped<>(value, ticker.read());
    }

    /**
     * If {@code hit} is due and no reload of it was started yet, asks {@code reload} for the reload, at once (so it
     * can note what it depends on, such as invalidation generations, as of this read), and runs it in the
     * background. The caller answers with {@code hit.value()} either way.
     */
    public void onHit(Stamped<?> hit, Supplier<Runnable> reload) {
        if (ticker.read() - hit.loadedAt >= afterNanos && hit.reloading.compareAndSet(false, true)) {
            Runnable task = reload.get();
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "a background cache refresh failed: " + e);
                }
            });
        }
    }

    /** A cached value with the ticker time at which it was loaded. */
    public static final class Stamped<V> {
        private final V value;
        private final long loadedAt;
        private final AtomicBoolean reloading = new AtomicBoolean();

        Stamped(V value, long loadedAt) {
            this.value = value;
            this.loadedAt = loadedAt;
        }

        public V value() {
            return value;
        }
    }
}
