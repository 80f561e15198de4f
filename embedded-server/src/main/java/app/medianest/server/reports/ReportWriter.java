package app.medianest.server.reports;

import app.medianest.model.perf.PerfReport;
import app.medianest.server.http.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scheduled report: every {@code perf.report.interval} (a day by default) the report of the last
 * interval is written to {@code <dataDir>/reports/performance-<end, UTC>.json} and {@code .html}; only the
 * newest {@code perf.report.keep} reports are kept.
 */
public final class ReportWriter {
    private static final System.Logger LOG = System.getLogger(ReportWriter.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final String PREFIX = "performance-";

    private final ReportBuilder builder;
    private final Path directory;
    private final Duration interval;
    private final int keep;
    private final Clock clock;

    public ReportWriter(ReportBuilder builder, Path directory, Duration interval, int keep, Clock clock) {
        this.builder = builder;
        this.directory = directory;
        this.interval = interval;
        this.keep = keep;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /** Builds the report of the last interval and writes it; returns the JSON file. */
    public Path writeScheduled() {
        var to = clock.instant();
        return write(builder.build(to.minus(interval), to));
    }

    /** Writes {@code report} as JSON and HTML (atomically each) and prunes old reports. */
    public Path write(PerfReport report) {
        try {
            app.medianest.server.config.DataDirPermissions.createPrivateDirectories(directory);
            String name = PREFIX + STAMP.format(report.to());
            Path json = directory.resolve(name + ".json");
            writeAtomically(json, Json.write(report));
            writeAtomically(directory.resolve(name + ".html"),
                    ReportHtml.render(report).getBytes(StandardCharsets.UTF_8));
            prune();
            LOG.log(System.Logger.Level.INFO, "Performance report written to {0}", json);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the performance report to " + directory, e);
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, app.medianest.server.config.DataDirPermissions.privateFile());
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void prune() throws IOException {
        List<Path> reports;
        try (Stream<Path> files = Files.list(directory)) {
            reports = files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
        for (Path old : reports.subList(Math.min(keep, reports.size()), reports.size())) {
            Files.deleteIfExists(old);
            String base = old.getFileName().toString().replaceFirst("\\.json$", "");
            Files.deleteIfExists(old.resolveSibling(base + ".html"));
        }
    }
}
