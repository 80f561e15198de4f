package app.medianest.benchmarks;

import app.medianest.model.MediaRequestView;
import app.medianest.server.db.Page;
import app.medianest.server.requests.MediaRequestRepository;
import app.medianest.server.requests.RequestFilter;
import java.util.List;
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
 * The request-list query, {@link MediaRequestRepository#list}, first page (20, newest first), on in-memory H2
 * seeded with 1,000 users and 100,000 requests: a user's own requests (what {@code GET /api/v1/media/requests}
 * serves a user), rotating over the 16 busiest users, and everybody's (the admin view).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@State(Scope.Benchmark)
public class RequestList {

    private SeededDatabase db;
    private MediaRequestRepository repository;
    private List<UUID> users;
    private int next;

    /** Seeds the database (about 10 s). */
    @Setup(Level.Trial)
    public void setUp() {
        db = SeededDatabase.seed(1_000, 100_000);
        repository = new MediaRequestRepository(db.database().jdbc());
        users = db.busiestUsers(16);
    }

    /** Closes the database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    /** A user's newest 20 requests. */
    @Benchmark
    public Page<MediaRequestView> firstPageOfMine() {
        UUID user = users.get(next++ & 15);
        return repository.list(RequestFilter.NONE.withUser(user), "createdAt", true, null, 20);
    }

    /** Everybody's newest 20 requests. */
    @Benchmark
    public Page<MediaRequestView> firstPageOfAll() {
        return repository.list(RequestFilter.NONE, "createdAt", true, null, 20);
    }
}
