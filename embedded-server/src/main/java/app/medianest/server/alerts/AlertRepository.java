package app.medianest.server.alerts;

import app.medianest.model.perf.AlertMetric;
import app.medianest.model.perf.AlertSeverity;
import app.medianest.model.perf.AlertView;
import app.medianest.server.db.Jdbc;
import app.medianest.server.db.RowMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code alert_history}: every raised alert, its resolution and acknowledgement ({@code observed} is the value). */
public final class AlertRepository {
    private static final String COLUMNS = "id, rule_id, metric, severity, observed, threshold, message, raised_at, "
            + "resolved_at, acknowledged_at";
    private static final RowMapper<AlertView> MAPPER = r -> new AlertView(r.uuid("id"), r.string("rule_id"),
            parseMetric(r.string("metric")), AlertSeverity.parse(r.string("severity")),
            r.nullableDouble("observed"), r.nullableDouble("threshold"), r.string("message"), r.instant("raised_at"),
            r.instant("resolved_at"), r.instant("acknowledged_at"));

    private final Jdbc jdbc;

    public AlertRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private static AlertMetric parseMetric(String wire) {
        try {
            return AlertMetric.parse(wire);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public void insert(AlertView a) {
        jdbc.update("INSERT INTO alert_history (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id(),
                a.ruleId(), a.metric() == null ? "upstream_credential" : a.metric(), a.severity(), a.value(), a.threshold(), a.message(), micros(a.since()), null,
                null);
    }

    public void resolve(UUID id, Instant at) {
        jdbc.update("UPDATE alert_history SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL", micros(at), id);
    }

    /** Sets the acknowledgement time if it is not set yet; returns the alert, empty when there is none. */
    public Optional<AlertView> acknowledge(UUID id, Instant at) {
        jdbc.update("UPDATE alert_history SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL",
                micros(at), id);
        return find(id);
    }

    public Optional<AlertView> find(UUID id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM alert_history WHERE id = ?", MAPPER, id);
    }

    /** The newest {@code limit} alerts. */
    public List<AlertView> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM alert_history ORDER BY raised_at DESC, id DESC "
                + "FETCH FIRST ? ROWS ONLY", MAPPER, limit);
    }

    /** Alerts raised in {@code [from, to)}, newest first (at most {@code limit}). */
    public List<AlertView> raisedBetween(Instant from, Instant to, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM alert_history WHERE raised_at >= ? AND raised_at < ? "
                + "ORDER BY raised_at DESC, id DESC FETCH FIRST ? ROWS ONLY", MAPPER, from, to, limit);
    }

    /** Resolves alerts left open by a previous run (their state was in memory). */
    public int resolveOpen(Instant at) {
        return jdbc.update("UPDATE alert_history SET resolved_at = ? WHERE resolved_at IS NULL", micros(at));
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }
}
