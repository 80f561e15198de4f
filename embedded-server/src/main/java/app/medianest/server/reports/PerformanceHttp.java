package app.medianest.server.reports;

import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;
import app.medianest.server.metrics.PerformanceMonitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/v1/performance/metrics} (the snapshot), {@code /history?window=1h|6h|24h} (rollups for the
 * charts) and {@code /report?from=&to=} (ISO-8601 instants; default the last 24 h; at most the retention).
 */
public final class PerformanceHttp {
    private final PerformanceMonitor monitor;
    private final HistoryBuilder history;
    private final ReportBuilder reports;
    private final Duration retention;
    private final Clock clock;

    public PerformanceHttp(PerformanceMonitor monitor, HistoryBuilder history, ReportBuilder reports,
                           Duration retention, Clock clock) {
        this.monitor = monitor;
        this.history = history;
        this.reports = reports;
        this.retention = retention;
        this.clock = clock;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/performance/metrics", Access.ADMIN, ex -> ex.ok(monitor.snapshot()))
                .get("/api/v1/performance/history", Access.ADMIN, this::history)
                .get("/api/v1/performance/report", Access.ADMIN, this::report);
    }

    private void history(Exchange ex) {
        String window = ex.query("window").orElse("1h");
        if (!HistoryBuilder.WINDOWS.containsKey(window)) {
            throw ApiException.validation("window", "must be one of 1h, 6h, 24h");
        }
        ex.ok(history.history(window));
    }

    private void report(Exchange ex) {
        Validator v = new Validator();
        Instant now = clock.instant();
        Instant to = instant(v, "to", ex.query("to").orElse(null), now);
        Instant from = instant(v, "from", ex.query("from").orElse(null), to == null ? now : to.minus(Duration.ofDays(1)));
        if (from != null && to != null) {
            if (!from.isBefore(to)) {
                v.fail("from", "must be before 'to'");
            } else if (Duration.between(from, to).compareTo(retention) > 0) {
                v.fail("from", "the period may be at most " + retention.toDays() + " days (the history retention)");
            }
        }
        v.check();
        ex.ok(reports.build(from, to));
    }

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant instant(Validator v, String field, String raw, Instant fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            Instant parsed = Instant.parse(raw.strip());
            if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
                return v.fail(field, "must be between the years 1970 and 9999");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            return v.fail(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
