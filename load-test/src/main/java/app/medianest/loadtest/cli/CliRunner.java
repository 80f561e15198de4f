package app.medianest.loadtest.cli;

import app.medianest.loadtest.config.Durations;
import app.medianest.loadtest.config.LoadTestConfig;
import app.medianest.loadtest.config.ReferencePhase;
import app.medianest.loadtest.config.Transport;
import app.medianest.loadtest.engine.JitWarmup;
import app.medianest.loadtest.engine.LoadTestEngine;
import app.medianest.loadtest.engine.LoadTestResult;
import app.medianest.loadtest.engine.RunSettings;
import app.medianest.loadtest.report.BaselineComparison;
import app.medianest.loadtest.report.HtmlReportWriter;
import app.medianest.loadtest.report.LoadTestReport;
import app.medianest.loadtest.report.ReportJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a parsed command line: checks the baseline and output paths first, runs the engine with live progress,
 * writes the reports, prints the summary and answers the exit code.
 */
public final class CliRunner {

    /** Exit code: the run passed. */
    public static final int OK = 0;
    /** Exit code: the verdict failed or the run regressed beyond the tolerance. */
    public static final int FAILED = 1;
    /** Exit code: bad usage. */
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile LoadTestEngine engine;
    /** A stop that came before the engine was built (during the request path's warm-up). */
    private volatile boolean stopRequested;

    /**
     * Creates a runner.
     *
     * @param out where progress, summary and notes go
     * @param err where errors go
     */
    public CliRunner(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the options.
     *
     * @param options the parsed command line
     * @return the exit code
     * @throws InterruptedException when interrupted while running
     */
    public int run(CliOptions options) throws InterruptedException {
        try {
            LoadTestReport baseline = readBaseline(options.baseline());
            LoadTestConfig config = adoptReference(options.config(), baseline);
            checkWritable("--out", options.jsonOut());
            checkWritable("--html", options.htmlOut());
            checkWritable("--latencies", options.latenciesOut());
            out.println(describe(config));
            warmUp(config);
            LoadTestEngine.Builder builder = LoadTestEngine.builder(config);
            if (!options.quiet()) {
                builder.listener(new TerminalProgress(out, config.users()));
            }
            engine = builder.build();
            if (stopRequested) {
                engine.stop();
            }
            LoadTestResult result = engine.run();
            LoadTestReport report = LoadTestReport.of(result, options.targets());
            if (baseline != null) {
                report = report.withBaselineComparison(
                        BaselineComparison.compare(report, baseline, options.tolerance(), options.latencyTolerance()));
            }
            write(report, options);
            writeLatencies(result, options.latenciesOut());
            new SummaryPrinter(out).print(report);
            return report.passed() ? OK : FAILED;
        } catch (UsageException e) {
            err.println(e.getMessage());
            return USAGE;
        } finally {
            finished.countDown();
        }
    }

    /** Stops a running test early; the reports are still written. Safe to call from a shutdown hook. */
    public void stop() {
        stopRequested = true;
        LoadTestEngine running = engine;
        if (running != null) {
            running.stop();
        }
    }

    /**
     * Waits until {@link #run} has returned.
     *
     * @param timeout how long to wait
     * @return true if it returned
     * @throws InterruptedException when interrupted
     */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static LoadTestReport readBaseline(Path file) throws UsageException {
        if (file == null) {
            return null;
        }
        try {
            return ReportJson.read(file);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--baseline: cannot read a report from " + file + ": " + e.getMessage());
        }
    }

    /** A ratio baseline needs a reference phase: use the baseline's own when none was given. */
    private LoadTestConfig adoptReference(LoadTestConfig config, LoadTestReport baseline) throws UsageException {
        if (baseline == null) {
            return config;
        }
        boolean baselineHasRatio = baseline.baselineRatio() != null;
        if (config.reference() != null && !baselineHasRatio) {
            throw new UsageException("--baseline: the baseline has no baselineRatio section; record it again with "
                    + "--reference or drop --reference");
        }
        if (config.reference() == null && baselineHasRatio) {
            RunSettings settings = baseline.settings();
            Duration duration = settings.referenceDuration() != null ? settings.referenceDuration()
                    : ReferencePhase.defaultDuration(config.sustain());
            int rounds = settings.referenceRounds() != null ? settings.referenceRounds() : 1;
            out.println("baseline compares ratios: adding its reference phase " + settings.referencePath() + " for "
                    + Durations.format(duration) + (rounds > 1 ? " in " + rounds + " paired rounds" : ""));
            return config.toBuilder().reference(new ReferencePhase(baseline.baselineRatio().referencePath(),
                    duration, rounds)).build();
        }
        return config;
    }

    private static void checkWritable(String option, Path file) throws UsageException {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new UsageException(option + ": cannot write " + file + " (missing directory or read-only)");
        }
    }

    private void write(LoadTestReport report, CliOptions options) {
        try {
            if (options.jsonOut() != null) {
                ReportJson.write(report, options.jsonOut());
                out.println("JSON report: " + options.jsonOut());
            }
            if (options.htmlOut() != null) {
                HtmlReportWriter.write(report, options.htmlOut());
                out.println("HTML report: " + options.htmlOut());
            }
        } catch (IOException e) {
            err.println("cannot write a report: " + e.getMessage());
        }
    }

    /**
     * Writes the service-time counts: a comment line, then one "microseconds count" line per recorded value in
     * ascending order (the measured latencies of percentiles.lua's output file use the same form).
     */
    private void writeLatencies(LoadTestResult result, Path file) {
        if (file == null) {
            return;
        }
        StringBuilder text = new StringBuilder("# service time (microseconds) and how many requests took it\n");
        result.serviceTimeCounts().forEach((micros, count) -> text.append(micros).append(' ').append(count)
                .append('\n'));
        try {
            Files.writeString(file, text);
            out.println("Latencies: " + file);
        } catch (IOException e) {
            err.println("cannot write the latencies: " + e.getMessage());
        }
    }

    /**
     * Before a think-time run on the lean client, compiles the request path against an in-process server
     * ({@link JitWarmup}) and says so; at saturation the run's own warm-up compiles it within milliseconds.
     */
    private void warmUp(LoadTestConfig config) throws InterruptedException {
        if (config.thinkTime().isZero() || config.transport() != Transport.LEAN
                || !"http".equalsIgnoreCase(config.baseUrl().getScheme())) {
            return;
        }
        try {
            JitWarmup.Result warm = JitWarmup.run();
            out.printf("request path compiled first: %,d requests to an in-process loopback server in %.1f s%s%n",
                    warm.requests(), warm.took().toMillis() / 1000.0,
                    warm.compilerQuiet() ? "" : " (the compiler was still at work)");
        } catch (IOException e) {
            err.println("no warm-up of the request path: " + e.getMessage());
        }
    }

    private static String describe(LoadTestConfig c) {
        return "MediaNest load test against " + c.baseUrl() + ": " + c.users() + " users, ramp "
                + Durations.format(c.rampUp()) + ", sustain " + Durations.format(c.sustain()) + ", ramp-down "
                + Durations.format(c.rampDown())
                + (c.warmup().isZero() ? "" : ", warm-up " + Durations.format(c.warmup()))
                + ", think " + Durations.format(c.thinkTime()) + ", auth " + c.auth().mode()
                + ", mix " + c.mix().spec() + ", client " + c.transport().wireName()
                + (c.reference() == null ? "" : ", reference " + c.reference().path() + " for "
                        + Durations.format(c.reference().duration())
                        + (c.reference().paired() ? " in " + c.reference().rounds() + " paired rounds" : ""))
                + (QuietJit.active() ? "; JVM " + QuietJit.OPTION
                        + " (think time: no optimising compiler at work during the run)" : "");
    }
}
