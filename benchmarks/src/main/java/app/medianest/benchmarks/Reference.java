package app.medianest.benchmarks;

import app.medianest.server.auth.Secrets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference every other score is divided by: SHA-256 of one session token, pure CPU work that every
 * authenticated request does anyway ({@code Secrets.hash}). It tracks the machine's speed, so the ratios compare
 * across machines and busy moments.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@State(Scope.Thread)
public class Reference {

    private final String token = Secrets.newToken("mns_");

    /** SHA-256 (base64) of a 47-character token. */
    @Benchmark
    public String hashToken() {
        return Secrets.hash(token);
    }
}
