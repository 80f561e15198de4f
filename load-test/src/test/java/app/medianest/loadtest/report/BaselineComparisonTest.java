package app.medianest.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.medianest.loadtest.engine.BaselineRatio;
import app.medianest.loadtest.testing.SampleReports;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {

    private static LoadTestReport report(double p95, double p99, double rps, boolean ratio) {
        return LoadTestReport.of(SampleReports.result(p95, p99, rps, ratio), Targets.strategy());
    }

    @Test
    void withRatiosOnBothSidesOnlyRatiosAreCompared() {
        BaselineComparison comparison = BaselineComparison.compare(report(110, 220, 40, true),
                report(100, 200, 40, true), 0.2);

        assertEquals("ratio", comparison.mode());
        assertEquals(List.of("p95Ratio", "p99Ratio", "throughputRatio"),
                comparison.comparisons().stream().map(BaselineComparison.Comparison::metric).toList());
        assertFalse(comparison.regressed(), "10% slower is within 20%");
        assertEquals(0.1, comparison.comparisons().getFirst().change(), 1e-9);
    }

    @Test
    void aLatencyRatioBeyondTheToleranceIsARegression() {
        BaselineComparison comparison = BaselineComparison.compare(report(130, 200, 40, true),
                report(100, 200, 40, true), 0.2);

        assertTrue(comparison.regressed());
        assertFalse(comparison.comparisons().getFirst().passed(), "p95 ratio grew 30%");
        assertTrue(comparison.comparisons().get(1).passed());
    }

    @Test
    void aThroughputRatioDropBeyondTheToleranceIsARegression() {
        LoadTestReport baseline = report(100, 200, 40, true);
        LoadTestReport current = withThroughputRatio(baseline, baseline.baselineRatio().throughputRatio() * 0.7);

        BaselineComparison comparison = BaselineComparison.compare(current, baseline, 0.2);

        assertTrue(comparison.regressed());
        assertEquals(-0.3, comparison.comparisons().get(2).change(), 1e-9);
        assertFalse(BaselineComparison.compare(current, baseline, 0.35).regressed(), "within a 35% tolerance");
    }

    private static LoadTestReport withThroughputRatio(LoadTestReport report, double throughputRatio) {
        BaselineRatio r = report.baselineRatio();
        BaselineRatio changed = new BaselineRatio(r.referencePath(), r.referenceThroughputRps(),
                r.referenceResponseTime(), r.referenceErrorRate(), throughputRatio, r.p50Ratio(), r.p95Ratio(),
                r.p99Ratio());
        return new LoadTestReport(report.schemaVersion(), report.generator(), report.settings(), report.startedAt(),
                report.finishedAt(), report.elapsed(), report.stopped(), report.sustainThroughputRps(),
                report.overall(), report.endpoints(), report.logins(), changed, report.targets(), report.verdict(),
                null, report.timeline());
    }

    @Test
    void latencyRatiosMayHaveTheirOwnWiderTolerance() {
        LoadTestReport baseline = report(100, 200, 40, true);
        LoadTestReport slowerTails = report(250, 500, 40, true);

        assertTrue(BaselineComparison.compare(slowerTails, baseline, 0.3).regressed());
        BaselineComparison wide = BaselineComparison.compare(slowerTails, baseline, 0.3, 2.0);
        assertFalse(wide.regressed(), "p95 and p99 ratios grew 150%, within 200%");
        assertEquals(2.0, wide.latencyTolerance());
        LoadTestReport slowerThroughput = withThroughputRatio(baseline, baseline.baselineRatio().throughputRatio()
                * 0.6);
        assertTrue(BaselineComparison.compare(slowerThroughput, baseline, 0.3, 2.0).regressed(),
                "throughput keeps the tight tolerance");
        assertThrows(IllegalArgumentException.class, () -> BaselineComparison.compare(baseline, baseline, 0.3, 0));
    }

    @Test
    void withoutRatiosAbsoluteFiguresAreCompared() {
        BaselineComparison comparison = BaselineComparison.compare(report(100, 200, 30, false),
                report(100, 200, 40, false), 0.2);

        assertEquals("absolute", comparison.mode());
        assertTrue(comparison.regressed(), "throughput dropped 25%");
        assertEquals(-0.25, comparison.comparisons().get(2).change(), 1e-9);
    }

    @Test
    void ratiosOnOneSideOnlyAreNotComparable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BaselineComparison.compare(report(100, 200, 40, false), report(100, 200, 40, true), 0.2));
        assertTrue(e.getMessage().contains("--reference /health"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BaselineComparison.compare(report(100, 200, 40, true), report(100, 200, 40, false), 0.2));
        assertThrows(IllegalArgumentException.class,
                () -> BaselineComparison.compare(report(100, 200, 40, true), report(100, 200, 40, true), 0));
    }

    @Test
    void theVerdictChecksTheTargets() {
        Verdict ok = report(150, 400, 40, true).verdict();
        assertTrue(ok.passed(), ok.toString());
        Verdict slow = report(250, 400, 40, true).verdict();
        assertFalse(slow.passed());
        assertEquals(List.of("p95 response time"), slow.checks().stream().filter(c -> !c.passed())
                .map(Check::name).toList());
        Verdict strict = LoadTestReport.of(SampleReports.result(150, 400, 40, false),
                Targets.strategy().withMaxErrorRate(0.001)).verdict();
        assertEquals(List.of("error rate"), strict.checks().stream().filter(c -> !c.passed()).map(Check::name)
                .toList());
    }
}
