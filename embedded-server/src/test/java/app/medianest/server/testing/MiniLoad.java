package app.medianest.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny closed-loop load generator for benchmarks inside the test suite: {@code users} virtual threads
 * each send GETs back to back for a duration; latencies are kept exactly (sorted at the end).
 */
public final class MiniLoad {
    private MiniLoad() {
    }

    /** Latency and throughput of one run. */
    public record Result(String name, int requests, int errors, double seconds, double p50, double p95,
                         double p99) {
        public double throughput() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-34s %8.0f req/s  p50 %7.3f ms  p95 %7.3f ms  p99 %7.3f ms  errors %d",
                    name, throughput(), p50, p95, p99, errors);
        }
    }

    public static Result run(String name, String url, int users, Duration duration, String... headers) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpRequest request = b.build();
        List<long[]> perUser = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int u = 0; u < users; u++) {
            long[] samples = new long[2_000_000];
            perUser.add(samples);
            int idx = u;
            threads.add(Thread.ofVirtual().start(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < samples.length - 1) {
                    long t = System.nanoTime();
                    try {
                        HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    samples[++n] = System.nanoTime() - t;
                }
                samples[0] = n;
                perUser.set(idx, samples);
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        int total = perUser.stream().mapToInt(s -> (int) s[0]).sum();
        long[] all = new long[total];
        int k = 0;
        for (long[] s : perUser) {
            System.arraycopy(s, 1, all, k, (int) s[0]);
            k += (int) s[0];
        }
        Arrays.sort(all);
        return new Result(name, total, errors.get(), secs, pct(all, 0.50), pct(all, 0.95), pct(all, 0.99));
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
