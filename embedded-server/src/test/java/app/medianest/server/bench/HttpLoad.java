package app.medianest.server.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A small closed-loop HTTP load generator for the benchmarks: N workers, each sending as fast as answered. */
final class HttpLoad {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What one run measured. */
    record Result(long requests, long failures, double seconds, double p50Micros, double p99Micros) {
        double throughput() {
            return requests / seconds;
        }
    }

    /**
     * Paired rounds of several configurations: each round runs every configuration once (in rotating order),
     * and ratios against the baseline are taken per round and summarised by their median, so a burst of
     * load from other processes on the machine hits one round's pair, not the summary.
     */
    static final class Comparison {
        private final java.util.Map<String, List<Result>> rounds = new java.util.LinkedHashMap<>();

        void add(String config, Result r) {
            rounds.computeIfAbsent(config, k -> new java.util.ArrayList<>()).add(r);
        }

        /** Median over rounds of this configuration's p50 divided by the baseline's p50 of the same round. */
        double p50Ratio(String config, String baseline) {
            return medianRatio(config, baseline, Result::p50Micros);
        }

        /** Median over rounds of the baseline's throughput divided by this configuration's (time per request). */
        double timeRatio(String config, String baseline) {
            return medianRatio(baseline, config, Result::throughput);
        }

        private double medianRatio(String a, String b, java.util.function.ToDoubleFunction<Result> f) {
            List<Result> x = rounds.get(a);
            List<Result> y = rounds.get(b);
            double[] r = new double[Math.min(x.size(), y.size())];
            for (int i = 0; i < r.length; i++) {
                r[i] = f.applyAsDouble(x.get(i)) / f.applyAsDouble(y.get(i));
            }
            return median(r);
        }

        private double median(String config, java.util.function.ToDoubleFunction<Result> f) {
            return median(rounds.get(config).stream().mapToDouble(f).toArray());
        }

        private static double median(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2]
                    : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        long failures() {
            return rounds.values().stream().flatMap(List::stream).mapToLong(Result::failures).sum();
        }

        /** The table rows in the order of {@code configs}, ratios against {@code baseline}. */
        String rows(String prefix, String baseline, List<String> configs) {
            StringBuilder b = new StringBuilder();
            for (String config : configs) {
                b.append(String.format(Locale.ROOT, "| %-52s | %9.0f | %8.0f | %8.0f | %8.2fx | %8.2fx |%n",
                        prefix + " [" + config + "]", median(config, Result::throughput),
                        median(config, Result::p50Micros), median(config, Result::p99Micros),
                        timeRatio(config, baseline), p50Ratio(config, baseline)));
            }
            return b.toString();
        }
    }

    static final String HEADER = String.format(Locale.ROOT, "| %-52s | %9s | %8s | %8s | %9s | %9s |%n|%s|",
            "endpoint [configuration]", "req/s", "p50 us", "p99 us", "time/base", "p50/base",
            "-".repeat(54) + "|" + "-".repeat(11) + "|" + "-".repeat(10) + "|" + "-".repeat(10) + "|"
                    + "-".repeat(11) + "|" + "-".repeat(11));

    private HttpLoad() {
    }

    /** Runs {@code workers} closed loops against {@code url} for {@code duration}. */
    static Result run(String url, List<String> headers, int workers, Duration duration) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.size(); i += 2) {
            b.header(headers.get(i), headers.get(i + 1));
        }
        HttpRequest request = b.build();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<long[]>> futures = new java.util.ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> loop(request, end)));
            }
            long[] all = new long[0];
            long failures = 0;
            for (Future<long[]> f : futures) {
                long[] r = f.get();
                failures += r[0];
                long[] samples = Arrays.copyOfRange(r, 1, r.length);
                long[] merged = Arrays.copyOf(all, all.length + samples.length);
                System.arraycopy(samples, 0, merged, all.length, samples.length);
                all = merged;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(all);
            return new Result(all.length, failures, seconds, percentile(all, 0.50) / 1e3, percentile(all, 0.99) / 1e3);
        }
    }

    /** One worker: element 0 counts failures, the rest are latencies in ns. */
    private static long[] loop(HttpRequest request, long end) throws IOException, InterruptedException {
        long[] samples = new long[1 << 16];
        int n = 1;
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - t;
            if (r.statusCode() >= 400) {
                samples[0]++;
            }
            if (n == samples.length) {
                samples = Arrays.copyOf(samples, n * 2);
            }
            samples[n++] = took;
        }
        return Arrays.copyOf(samples, n);
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }
}
