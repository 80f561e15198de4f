package app.medianest.loadtest.cli;

import app.medianest.loadtest.engine.BaselineRatio;
import app.medianest.loadtest.engine.EndpointStats;
import app.medianest.loadtest.engine.LoginStats;
import app.medianest.loadtest.report.BaselineComparison;
import app.medianest.loadtest.report.Check;
import app.medianest.loadtest.report.LoadTestReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints the end-of-run summary: endpoints, errors, ratios, verdict and baseline comparison. */
final class SummaryPrinter {

    private final PrintStream out;

    SummaryPrinter(PrintStream out) {
        this.out = out;
    }

    void print(LoadTestReport report) {
        out.println();
        out.printf(Locale.ROOT, "%-32s %9s %9s %7s %9s %9s %9s %9s %10s%n", "endpoint", "requests", "req/s", "errors",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "svc p99");
        List<EndpointStats> rows = new ArrayList<>(report.endpoints());
        rows.add(report.overall());
        for (EndpointStats e : rows) {
            out.printf(Locale.ROOT, "%-32s %9d %9.1f %7d %9.2f %9.2f %9.2f %9.2f %10.2f%n", e.endpoint(),
                    e.requests(), e.throughputRps(), e.errors(), e.responseTime().p50Ms(), e.responseTime().p95Ms(),
                    e.responseTime().p99Ms(), e.responseTime().maxMs(), e.serviceTime().p99Ms());
        }
        for (var left : report.settings().leftOut()) {
            out.printf(Locale.ROOT, "left out %s: %s%n", left.path(), left.reason());
        }
        EndpointStats all = report.overall();
        out.printf(Locale.ROOT, "sustain throughput %.1f req/s; errors by status %s, transport %s%n",
                report.sustainThroughputRps(), all.errorsByStatus(), all.transportErrors());
        LoginStats logins = report.logins();
        if (logins.attempts() > 0) {
            out.printf(Locale.ROOT, "sign-ins: %d attempts, %d users signed in, %d failed %s%n", logins.attempts(),
                    logins.succeeded(), logins.failed(), logins.failures());
        }
        BaselineRatio ratio = report.baselineRatio();
        if (ratio != null) {
            out.printf(Locale.ROOT, "ratios to %s (%.1f req/s, p95 %.2f ms): throughput %.3f, p50 %.2f, p95 %.2f, "
                    + "p99 %.2f%n", ratio.referencePath(), ratio.referenceThroughputRps(),
                    ratio.referenceResponseTime().p95Ms(), ratio.throughputRatio(), ratio.p50Ratio(),
                    ratio.p95Ratio(), ratio.p99Ratio());
        }
        for (Check check : report.verdict().checks()) {
            out.printf(Locale.ROOT, "  %-4s %-22s %12.3f %s %s %.3f%n", check.passed() ? "ok" : "FAIL", check.name(),
                    check.actual(), check.unit(), check.comparison(), check.limit());
        }
        BaselineComparison comparison = report.baselineComparison();
        if (comparison != null) {
            out.printf(Locale.ROOT, "baseline (%s, tolerance %.0f%%, latency tolerance %.0f%%):%n",
                    comparison.mode(), comparison.tolerance() * 100, comparison.latencyTolerance() * 100);
            for (BaselineComparison.Comparison c : comparison.comparisons()) {
                out.printf(Locale.ROOT, "  %-4s %-22s baseline %10.3f  now %10.3f  change %+7.1f%%%n",
                        c.passed() ? "ok" : "FAIL", c.metric(), c.baseline(), c.current(), c.change() * 100);
            }
        }
        out.println(report.passed() ? "PASSED" : "FAILED");
    }
}
