package app.medianest.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A data-cache hit as the server's per-user caches do it: a Caffeine cache (bounded, expire-after-write, statistics
 * on) keyed by (user id, logical key), such as {@code (user, "dashboard:stats")} or a first request-list page. The
 * keys are looked up in a shuffled order so neither branch prediction nor a single hot entry flatters the score.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@State(Scope.Thread)
public class CacheHit {

    /** A per-user cache key: a shared entry has no user. */
    record Key(UUID user, String key) {
    }

    private static final String[] KEYS = {"dashboard:stats", "requests:mine:createdAt:desc:20",
        "requests:counts", "plex:libraries", "notifications:unread"};

    private Cache<Key, Object> cache;
    private Key[] lookups;
    private int next;

    /** Fills the cache with 1,000 users times five keys. */
    @Setup(Level.Trial)
    public void setUp() {
        cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(300)).recordStats()
                .build();
        SplittableRandom random = new SplittableRandom(42);
        List<Key> keys = new ArrayList<>();
        for (int u = 0; u < 1_000; u++) {
            UUID user = new UUID(random.nextLong(), random.nextLong());
            for (String key : KEYS) {
                Key k = new Key(user, key);
                cache.put(k, List.of(key, user.toString()));
                keys.add(k);
            }
        }
        lookups = new Key[4096];
        for (int i = 0; i < lookups.length; i++) {
            Key k = keys.get(random.nextInt(keys.size()));
            lookups[i] = new Key(new UUID(k.user().getMostSignificantBits(), k.user().getLeastSignificantBits()),
                    new String(k.key())); // equal, not identical, as a request would build it
        }
    }

    /** One hit. */
    @Benchmark
    public Object hit() {
        Key key = lookups[next++ & (lookups.length - 1)];
        return cache.getIfPresent(key);
    }
}
