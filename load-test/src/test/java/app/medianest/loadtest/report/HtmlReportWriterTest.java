package app.medianest.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.medianest.loadtest.testing.SampleReports;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    @Test
    void thePageIsSelfContainedWithChartsAndTables() {
        LoadTestReport report = LoadTestReport.of(SampleReports.result(150, 600, 40, true), Targets.strategy());

        String html = HtmlReportWriter.render(report);

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("FAILED"), "p99 600 ms misses the 500 ms target");
        assertTrue(html.split("<svg", -1).length - 1 == 2, "two charts");
        assertTrue(html.contains("<polyline"));
        assertTrue(html.contains("Ratios to reference /health"));
        assertTrue(html.contains("/api/v1/dashboard/stats"));
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no external resources");
        assertFalse(html.contains("@import") || html.contains("url("), "no external styles");
    }

    @Test
    void niceAxisMaximaAreOneTwoOrFiveTimesAPowerOfTen() {
        assertTrue(SvgLineChart.niceCeiling(3.2) == 5);
        assertTrue(SvgLineChart.niceCeiling(120) == 200);
        assertTrue(SvgLineChart.niceCeiling(0.07) == 0.1);
        assertTrue(SvgLineChart.niceCeiling(0) == 1);
    }
}
