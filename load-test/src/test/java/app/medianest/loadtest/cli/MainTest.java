package app.medianest.loadtest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.medianest.loadtest.Main;
import app.medianest.loadtest.engine.BaselineRatio;
import app.medianest.loadtest.report.LoadTestReport;
import app.medianest.loadtest.report.ReportJson;
import app.medianest.loadtest.testing.FakeMediaNestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBadOptionExitsWithTwoAndOneLineNamingIt() {
        assertEquals(2, run("--url", "http://localhost:1", "--users", "many"));
        assertEquals("--users: expected a whole number, got 'many'" + System.lineSeparator(), err());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheOptionsAndExitsWithZero() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : List.of("--url", "--users", "--ramp", "--duration", "--think", "--mix", "--username",
                "--password", "--token", "--preset", "--out", "--html", "--baseline", "--tolerance", "--reference",
                "--rampdown", "--latencies")) {
            assertTrue(help.contains(option), option);
        }
    }

    @Test
    void anUnreadableBaselineIsBadUsage(@TempDir Path dir) {
        assertEquals(2, run("--url", "http://localhost:1", "--baseline", dir.resolve("missing.json").toString()));
        assertTrue(err().startsWith("--baseline: cannot read a report from "), err());
    }

    @Test
    void aRunWritesReportsAndARegressionAgainstTheBaselineExitsWithOne(@TempDir Path dir) throws Exception {
        try (FakeMediaNestServer server = FakeMediaNestServer.start().latency(Duration.ofMillis(1))) {
            Path first = dir.resolve("first.json");
            Path html = dir.resolve("first.html");
            List<String> args = new ArrayList<>(List.of("--url", server.baseUrl().toString(), "--users", "2",
                    "--duration", "1s", "--think", "10ms", "--username", FakeMediaNestServer.USERNAME, "--password",
                    FakeMediaNestServer.PASSWORD, "--reference", "/health", "--reference-duration", "1s",
                    "--target-p50", "5s", "--target-p95", "5s", "--target-p99", "5s"));

            List<String> firstArgs = new ArrayList<>(args);
            firstArgs.addAll(List.of("--out", first.toString(), "--html", html.toString()));
            assertEquals(0, run(firstArgs.toArray(String[]::new)), out + err());
            String console = out.toString(StandardCharsets.UTF_8);
            assertTrue(console.contains("SUSTAIN"), "live progress lines: " + console);
            assertTrue(console.contains("PASSED"), console);
            assertTrue(Files.readString(html).contains("<svg"));

            Path better = dir.resolve("better.json");
            // A baseline whose p95 ratio no real run can match: the regression is certain, not a matter of noise.
            ReportJson.write(withP95Ratio(ReportJson.read(first), 0.01), better);
            List<String> secondArgs = new ArrayList<>(args);
            secondArgs.addAll(List.of("--baseline", better.toString(), "--tolerance", "20%", "--out",
                    dir.resolve("second.json").toString()));
            assertEquals(1, run(secondArgs.toArray(String[]::new)), out + err());
            LoadTestReport second = ReportJson.read(dir.resolve("second.json"));
            assertEquals("ratio", second.baselineComparison().mode());
            assertTrue(second.baselineComparison().regressed());
            assertTrue(second.verdict().passed(), "only the baseline comparison failed");
        }
    }

    @Test
    void aRatioBaselineAddsItsReferencePhaseAndAnAbsoluteOneRefusesRatios(@TempDir Path dir) throws Exception {
        try (FakeMediaNestServer server = FakeMediaNestServer.start()) {
            Path absolute = dir.resolve("absolute.json");
            String url = server.baseUrl().toString();
            assertEquals(0, run("--url", url, "--users", "1", "--duration", "1s", "--think", "20ms", "--token",
                    FakeMediaNestServer.STATIC_TOKEN, "--quiet", "--out", absolute.toString()), out + err());

            assertEquals(2, run("--url", url, "--token", FakeMediaNestServer.STATIC_TOKEN, "--reference", "/health",
                    "--baseline", absolute.toString()));
            assertTrue(err().startsWith("--baseline: the baseline has no baselineRatio section"), err());
        }
    }

    /**
     * A think-time run first compiles its request path against a loopback server of its own and says so; the server
     * under test gets the run's requests and no others. A saturation run needs no such warm-up and has none.
     */
    @Test
    void aThinkTimeRunCompilesItsRequestPathAgainstItsOwnLoopbackServerFirst(@TempDir Path dir) throws Exception {
        try (FakeMediaNestServer server = FakeMediaNestServer.start()) {
            Path json = dir.resolve("run.json");
            assertEquals(0, run("--url", server.baseUrl().toString(), "--users", "2", "--duration", "1s", "--think",
                    "20ms", "--mix", "/health=1", "--token", FakeMediaNestServer.STATIC_TOKEN, "--quiet", "--out",
                    json.toString()), out + err());
            String console = out.toString(StandardCharsets.UTF_8);
            java.util.regex.Matcher warmUp = java.util.regex.Pattern.compile(
                    "request path compiled first: ([0-9,]+) requests to an in-process loopback server").matcher(console);
            assertTrue(warmUp.find(), console);
            assertTrue(Long.parseLong(warmUp.group(1).replace(",", "")) >= 1_000,
                    "thousands of requests, enough for the compiler's thresholds: " + console);
            assertEquals(ReportJson.read(json).overall().requests(), server.hits("/health"),
                    "the server under test answered the run's requests only");

            out.reset();
            assertEquals(0, run("--url", server.baseUrl().toString(), "--users", "2", "--duration", "1s", "--mix",
                    "/health=1", "--token", FakeMediaNestServer.STATIC_TOKEN, "--quiet"), out + err());
            assertTrue(!out.toString(StandardCharsets.UTF_8).contains("compiled first"), out.toString());
        }
    }

    @Test
    void theLatenciesFileHoldsEveryMeasuredRequestForPoolingRuns(@TempDir Path dir) throws Exception {
        try (FakeMediaNestServer server = FakeMediaNestServer.start().latency(Duration.ofMillis(2))) {
            Path json = dir.resolve("run.json");
            Path latencies = dir.resolve("run.lat");
            assertEquals(0, run("--url", server.baseUrl().toString(), "--users", "2", "--duration", "1s", "--think",
                    "10ms", "--token", FakeMediaNestServer.STATIC_TOKEN, "--quiet", "--out", json.toString(),
                    "--latencies", latencies.toString()), out + err());

            List<String> lines = Files.readAllLines(latencies);
            assertTrue(lines.getFirst().startsWith("# service time (microseconds)"), lines.getFirst());
            List<long[]> counts = lines.stream().skip(1).map(l -> l.split(" "))
                    .map(f -> new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])}).toList();
            var serviceTime = ReportJson.read(json).overall().serviceTime();
            assertEquals(serviceTime.count(), counts.stream().mapToLong(c -> c[1]).sum(),
                    "one count per measured request");
            for (int i = 1; i < counts.size(); i++) {
                assertTrue(counts.get(i)[0] > counts.get(i - 1)[0], "ascending microseconds: " + lines);
            }
            assertTrue(counts.getFirst()[0] >= 2000, "no request beat the server's 2 ms: " + lines);
            assertEquals(serviceTime.maxMs(), counts.getLast()[0] / 1000.0, "the slowest is the report's max");
            long median = (long) Math.ceil(serviceTime.count() / 2.0);
            long seen = 0;
            for (long[] c : counts) {
                seen += c[1];
                if (seen >= median) {
                    assertEquals(serviceTime.p50Ms(), c[0] / 1000.0, "the report's median: " + lines);
                    break;
                }
            }
        }
    }

    @Test
    void aLatenciesFileInAMissingDirectoryIsBadUsage(@TempDir Path dir) {
        assertEquals(2, run("--url", "http://localhost:1", "--latencies", dir.resolve("no/such/run.lat").toString()));
        assertTrue(err().startsWith("--latencies: cannot write "), err());
    }

    private static LoadTestReport withP95Ratio(LoadTestReport report, double p95Ratio) {
        BaselineRatio r = report.baselineRatio();
        BaselineRatio better = new BaselineRatio(r.referencePath(), r.referenceThroughputRps(),
                r.referenceResponseTime(), r.referenceErrorRate(), r.throughputRatio(), r.p50Ratio(),
                p95Ratio, r.p99Ratio());
        return new LoadTestReport(report.schemaVersion(), report.generator(), report.settings(), report.startedAt(),
                report.finishedAt(), report.elapsed(), report.stopped(), report.sustainThroughputRps(),
                report.overall(), report.endpoints(), report.logins(), better, report.targets(), report.verdict(),
                null, report.timeline());
    }
}
