package app.medianest.server.status;

import app.medianest.model.ServiceState;
import app.medianest.model.ServiceStatusView;
import app.medianest.server.db.Jdbc;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Last observed status of each home service. A poll writes all services in one batched upsert. */
public final class ServiceStatusRepository {
    private static final String COLUMNS = "name, display_name, status, response_time_ms, uptime_24h, uptime_30d, "
            + "last_check_at, message";

    private final Jdbc jdbc;
    /**
     * The statuses as last read, or null: they change only through {@link #upsertAll} (the poller, once per check),
     * which drops them and counts a write, while every portal home and status page reads them. A read keeps what it
     * read only when no write came in between (guarded by this).
     */
    private List<ServiceStatusView> all;
    private long writes;

    public ServiceStatusRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or updates every given status in one transaction and one JDBC batch. */
    public int upsertAll(List<ServiceStatusView> statuses) {
        String sql = jdbc.dialect().upsert("service_status", "name", COLUMNS.split(", "));
        List<Object[]> rows = new ArrayList<>(statuses.size());
        for (ServiceStatusView s : statuses) {
            rows.add(new Object[] {s.name(), s.displayName(), s.status(), s.responseTimeMs(), s.uptime24h(),
                    s.uptime30d(), s.lastCheckAt() == null ? null : s.lastCheckAt().truncatedTo(ChronoUnit.MICROS),
                    s.message()});
        }
        try {
            return jdbc.inTransaction(h -> h.batch(sql, rows));
        } finally {
            synchronized (this) {
                writes++;
                all = null;
            }
        }
    }

    /** Every service's status, by name. */
    public List<ServiceStatusView> findAll() {
        long before;
        synchronized (this) {
            if (all != null) {
                return all;
            }
            before = writes;
        }
        List<ServiceStatusView> read = List.copyOf(jdbc.query(
                "SELECT " + COLUMNS + " FROM service_status ORDER BY name", ServiceStatusRepository::map));
        synchronized (this) {
            if (writes == before) {
                all = read;
            }
        }
        return read;
    }

    public Optional<ServiceStatusView> find(String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM service_status WHERE name = ?",
                ServiceStatusRepository::map, name);
    }

    private static ServiceStatusView map(app.medianest.server.db.RowMapper.Row r) throws java.sql.SQLException {
        return new ServiceStatusView(r.string("name"), r.string("display_name"),
                ServiceState.parse(r.string("status")), r.nullableInt("response_time_ms"),
                r.nullableDouble("uptime_24h"), r.nullableDouble("uptime_30d"), r.instant("last_check_at"),
                r.string("message"));
    }
}
