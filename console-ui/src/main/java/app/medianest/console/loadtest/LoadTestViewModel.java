package app.medianest.console.loadtest;

import app.medianest.console.api.ApiClient;
import app.medianest.console.concurrent.Tasks;
import app.medianest.console.dashboard.ChartModel;
import app.medianest.loadtest.config.Auth;
import app.medianest.loadtest.config.EndpointMix;
import app.medianest.loadtest.config.LoadTestConfig;
import app.medianest.loadtest.engine.EndpointStats;
import app.medianest.loadtest.engine.LoadTestEngine;
import app.medianest.loadtest.engine.LoadTestResult;
import app.medianest.loadtest.engine.Phase;
import app.medianest.loadtest.engine.ProgressSnapshot;
import app.medianest.loadtest.report.Check;
import app.medianest.loadtest.report.HtmlReportWriter;
import app.medianest.loadtest.report.LoadTestReport;
import app.medianest.loadtest.report.Targets;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs the load-test engine (module load-test) against the embedded server, signed in with the console's session: live
 * throughput and response-time charts from the engine's per-second snapshots (one hop to the UI per second),
 * then the report with its verdict against the performance strategy's targets, also written as HTML to the
 * data directory's {@code reports} folder.
 */
public final class LoadTestViewModel {
    private final ApiClient api;
    private final Tasks tasks;
    private final Supplier<Path> reportDir;
    private final StringProperty users = new SimpleStringProperty("20");
    private final StringProperty seconds = new SimpleStringProperty("30");
    private final StringProperty rampUp = new SimpleStringProperty("5");
    private final StringProperty mix = new SimpleStringProperty(EndpointMix.STRATEGY_SPEC);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not started");
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ChartModel throughput = new ChartModel("Load test throughput", "req/s", List.of("requests"), 0, 900);
    private final ChartModel latency = new ChartModel("Load test response time", "ms", List.of("p50", "p95", "p99"),
            1, 900);
    private volatile LoadTestEngine engine;

    public LoadTestViewModel(ApiClient api, Tasks tasks, Supplier<Path> reportDir) {
        this.api = api;
        this.tasks = tasks;
        this.reportDir = reportDir;
    }

    /** Starts a run with the form's settings; ignored while one runs. */
    public void start() {
        if (running.get()) {
            return;
        }
        LoadTestConfig config;
        try {
            config = LoadTestConfig.builder(URI.create(api.baseUrl()))
                    .users(Integer.parseInt(users.get().strip()))
                    .rampUp(Duration.ofSeconds(Long.parseLong(rampUp.get().strip())))
                    .sustain(Duration.ofSeconds(Long.parseLong(seconds.get().strip())))
                    .mix(EndpointMix.parse(mix.get().strip()))
                    .auth(new Auth.BearerToken(api.token()))
                    .build();
        } catch (RuntimeException e) {
            status.set("Check the settings: " + e.getMessage());
            return;
        }
        for (ChartModel c : List.of(throughput, latency)) {
            c.lines().forEach(l -> l.live().clear());
            c.changed();
        }
        report.set("");
        running.set(true);
        status.set("Running " + config.users() + " users for " + config.mainDuration().toSeconds() + " s...");
        LoadTestEngine e = LoadTestEngine.builder(config)
                .listener(s -> tasks.ui().execute(() -> progress(s))).build();
        engine = e;
        tasks.run(e::run, this::finished, ex -> {
            running.set(false);
            status.set("The run failed: " + ex.getMessage());
        });
    }

    /** Ends the run early; the report covers what ran. */
    public void stop() {
        LoadTestEngine e = engine;
        if (e != null) {
            e.stop();
        }
    }

    private void progress(ProgressSnapshot s) {
        if (s.phase() == Phase.WARMUP || s.phase() == Phase.REFERENCE) {
            return;
        }
        long at = System.currentTimeMillis();
        throughput.addLive(at, List.of(s.throughputRps()));
        var rt = s.responseTime();
        latency.addLive(at, rt.count() == 0 ? Arrays.asList(null, null, null)
                : List.of(rt.p50Ms(), rt.p95Ms(), rt.p99Ms()));
        throughput.changed();
        latency.changed();
        status.set(String.format(Locale.ROOT, "%d s: %d users, %.0f req/s, %d requests, %d errors",
                s.elapsed().toSeconds(), s.activeUsers(), s.throughputRps(), s.totalRequests(), s.totalErrors()));
    }

    private void finished(LoadTestResult result) {
        running.set(false);
        engine = null;
        LoadTestReport r = LoadTestReport.of(result, Targets.strategy());
        StringBuilder b = new StringBuilder();
        b.append(r.passed() ? "PASSED" : "FAILED").append(result.stopped() ? " (stopped early)" : "")
                .append(String.format(Locale.ROOT, " - %.0f req/s sustained%n", r.sustainThroughputRps()));
        for (EndpointStats e : r.endpoints()) {
            b.append(line(e));
        }
        b.append(line(r.overall()));
        for (Check c : r.verdict().checks()) {
            b.append(String.format(Locale.ROOT, "%s %s: %.4g %s %s %.4g%n", c.passed() ? "ok  " : "FAIL", c.name(),
                    c.actual(), c.unit(), c.comparison(), c.limit()));
        }
        tasks.run(() -> {
            Path file = reportDir.get().resolve("loadtest-" + System.currentTimeMillis() + ".html");
            java.nio.file.Files.createDirectories(file.getParent());
            HtmlReportWriter.write(r, file);
            return file;
        }, file -> {
            report.set(b + "HTML report: " + file);
            status.set("Finished");
        }, ex -> {
            report.set(b.toString());
            status.set("Finished (could not write the HTML report: " + ex.getMessage() + ")");
        });
    }

    private static String line(EndpointStats e) {
        var rt = e.responseTime();
        return String.format(Locale.ROOT, "%-32s %7d req %5d err  p50 %6.1f  p95 %6.1f  p99 %6.1f ms%n", e.endpoint(),
                e.requests(), e.errors(), rt.p50Ms(), rt.p95Ms(), rt.p99Ms());
    }

    public StringProperty users() {
        return users;
    }

    /** Sustain time in seconds. */
    public StringProperty seconds() {
        return seconds;
    }

    public StringProperty rampUp() {
        return rampUp;
    }

    /** Endpoint mix, {@code path=weight,path=weight}. */
    public StringProperty mix() {
        return mix;
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty report() {
        return report.getReadOnlyProperty();
    }

    public ChartModel throughput() {
        return throughput;
    }

    public ChartModel latency() {
        return latency;
    }
}
