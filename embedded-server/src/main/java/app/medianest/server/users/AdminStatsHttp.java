package app.medianest.server.users;

import app.medianest.server.db.Jdbc;
import app.medianest.server.db.RowCounts;
import app.medianest.server.http.Access;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/admin/stats}: {@code {users:{total, active30d}, requests:{total, pending},
 * downloads:{total, active}}}. People only (API keys' service accounts are not users here); "active" users signed
 * in or used a session within 30 days; active downloads are queued or running. The user and request totals come
 * from the exact counts of {@link RowCounts} (constant time on any number of rows), the active users from range
 * reads of the recent sign-ins and sessions, the active downloads from the status index.
 */
public final class AdminStatsHttp {
    private static final String SQL = "SELECT "
            + "(SELECT COUNT(*) FROM (SELECT u.id FROM users u WHERE u.last_login_at >= ? AND u.api_key_id IS NULL "
            + "UNION SELECT s.user_id FROM session_tokens s JOIN users u ON u.id = s.user_id "
            + "WHERE s.last_used_at >= ? AND u.api_key_id IS NULL) a) AS users_active, "
            + "(SELECT COUNT(*) FROM youtube_downloads) AS downloads_total, "
            + "(SELECT COUNT(*) FROM youtube_downloads WHERE status IN ('queued', 'downloading')) AS downloads_active";

    private final Jdbc jdbc;
    private final Clock clock;

    public AdminStatsHttp(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/admin/stats", Access.ADMIN, this::stats);
    }

    private void stats(Exchange ex) {
        Instant since = clock.instant().minus(Duration.ofDays(30));
        Map<String, Object> out = jdbc.withHandle(h -> {
            Map<String, Long> counts = RowCounts.read(h);
            long requests = counts.entrySet().stream().filter(e -> e.getKey().startsWith("requests."))
                    .mapToLong(Map.Entry::getValue).sum();
            return h.queryOne(SQL, row -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("users", Map.of("total", counts.getOrDefault(UserRepository.PEOPLE, 0L),
                        "active30d", row.longValue("users_active")));
                m.put("requests", Map.of("total", requests, "pending", counts.getOrDefault("requests.pending", 0L)));
                m.put("downloads", Map.of("total", row.longValue("downloads_total"),
                        "active", row.longValue("downloads_active")));
                return m;
            }, since, since).orElseThrow();
        });
        ex.ok(out);
    }
}
