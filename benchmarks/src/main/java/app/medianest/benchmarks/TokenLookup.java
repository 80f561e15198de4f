package app.medianest.benchmarks;

import app.medianest.server.auth.ApiKeyRepository;
import app.medianest.server.http.Principal;
import app.medianest.server.auth.SessionRepository;
import app.medianest.server.auth.SessionService;
import java.time.Clock;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Authenticating a request: {@link SessionService#bySession} for a valid token, with the token cache warm (the
 * normal case), and with the cache switched off (every lookup reads the session and its user from H2), which shows
 * what the cache saves.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@State(Scope.Benchmark)
public class TokenLookup {

    private SeededDatabase db;
    private SessionService cached;
    private SessionService uncached;
    private String token;

    /** Seeds 50 users and signs one of them in. */
    @Setup(Level.Trial)
    public void setUp() {
        db = SeededDatabase.seed(50, 0);
        var jdbc = db.database().jdbc();
        cached = new SessionService(new SessionRepository(jdbc), new ApiKeyRepository(jdbc), Clock.systemUTC(),
                Duration.ofMinutes(5));
        uncached = new SessionService(new SessionRepository(jdbc), new ApiKeyRepository(jdbc), Clock.systemUTC(),
                Duration.ofMinutes(5));
        uncached.cacheEnabled(false);
        UUID user = jdbc.query("SELECT id FROM users ORDER BY username LIMIT 1", row -> row.uuid("id")).getFirst();
        token = cached.issue(user, false, "127.0.0.1", "jmh").token();
        cached.bySession(token); // warm
    }

    /** Closes the database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    /** A cache hit: hash the token, look it up in Caffeine, check expiry, note the last-used time. */
    @Benchmark
    public Principal warmCache() {
        return cached.bySession(token);
    }

    /** The same without the cache: one indexed query joining sessions and users. */
    @Benchmark
    public Principal cacheOff() {
        return uncached.bySession(token);
    }
}
