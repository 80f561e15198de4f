package app.medianest.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.medianest.loadtest.testing.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {

    @Test
    void aReportSurvivesAJsonRoundTrip(@TempDir Path dir) throws IOException {
        LoadTestReport baseline = LoadTestReport.of(SampleReports.result(150, 300, 40, true), Targets.strategy());
        LoadTestReport report = LoadTestReport.of(SampleReports.result(160, 320, 38, true), Targets.strategy())
                .withBaselineComparison(BaselineComparison.compare(
                        LoadTestReport.of(SampleReports.result(160, 320, 38, true), Targets.strategy()), baseline, 0.2));
        Path file = dir.resolve("report.json");

        ReportJson.write(report, file);

        assertEquals(report, ReportJson.read(file));
        String json = Files.readString(file);
        assertTrue(json.contains("\"baselineRatio\""), json);
        assertTrue(json.contains("\"rampUp\" : \"PT2M\""), json);
        assertTrue(json.contains("\"startedAt\" : \"2026-05-01T10:00:00.123Z\""), json);
        assertFalse(json.contains("secret"), "no password in the report");
    }

    @Test
    void absentSectionsAreOmittedAndReadBackAsAbsent() throws IOException {
        LoadTestReport report = LoadTestReport.of(SampleReports.result(150, 300, 40, false), Targets.strategy());

        String json = ReportJson.toJson(report);

        assertFalse(json.contains("baselineRatio"));
        assertFalse(json.contains("baselineComparison"));
        assertEquals(report, ReportJson.fromJson(json));
    }

    @Test
    void somethingElseIsNotAReport() {
        assertThrows(IOException.class, () -> ReportJson.fromJson("{\"hello\":1}"));
        assertThrows(IOException.class, () -> ReportJson.fromJson("not json"));
    }
}
