package app.medianest.loadtest.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link LoadTestReport}s as JSON: ISO-8601 instants and durations, absent sections omitted,
 * unknown fields ignored on reading (so newer reports still load as baselines).
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ReportJson() {
    }

    /**
     * Renders a report.
     *
     * @param report the report
     * @return its JSON text
     */
    public static String toJson(LoadTestReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render the report as JSON", e);
        }
    }

    /**
     * Parses a report.
     *
     * @param json JSON text
     * @return the report
     * @throws IOException when the text is not a report
     */
    public static LoadTestReport fromJson(String json) throws IOException {
        LoadTestReport report = MAPPER.readValue(json, LoadTestReport.class);
        if (report == null || report.overall() == null || report.settings() == null) {
            throw new IOException("not a load-test report: 'overall' or 'settings' is missing");
        }
        return report;
    }

    /**
     * Writes a report to a file (UTF-8), replacing it.
     *
     * @param report the report
     * @param file   the target file
     * @throws IOException when it cannot be written
     */
    public static void write(LoadTestReport report, Path file) throws IOException {
        Files.writeString(file, toJson(report), StandardCharsets.UTF_8);
    }

    /**
     * Reads a report from a file.
     *
     * @param file the file
     * @return the report
     * @throws IOException when it cannot be read or is not a report
     */
    public static LoadTestReport read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }
}
