package app.medianest.benchmarks;

import app.medianest.model.Envelope;
import app.medianest.model.MediaRequestView;
import app.medianest.server.db.Page;
import app.medianest.server.http.Json;
import app.medianest.server.requests.MediaRequestRepository;
import app.medianest.server.requests.RequestFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Writing a response body: {@link Json#write} of the success envelope around one page of 20
 * {@link MediaRequestView}s with its {@code nextCursor}, exactly as the request-list route sends it. The page comes
 * from seeded data, so titles include the seeder's non-ASCII ones.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@State(Scope.Benchmark)
public class JsonWriting {

    private Envelope<List<MediaRequestView>> body;

    /** Reads one page from a small seeded database. */
    @Setup(Level.Trial)
    public void setUp() {
        try (SeededDatabase db = SeededDatabase.seed(100, 2_000)) {
            Page<MediaRequestView> page = new MediaRequestRepository(db.database().jdbc())
                    .list(RequestFilter.NONE, "createdAt", true, null, 20);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("nextCursor", page.nextCursor());
            meta.put("limit", 20);
            body = Envelope.of(page.items(), meta);
        }
    }

    /** The envelope as UTF-8 JSON bytes. */
    @Benchmark
    public byte[] pageOfRequests() {
        return Json.write(body);
    }
}
