package app.medianest.server.users;

import app.medianest.server.db.Jdbc;
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
 * in or used a session within 30 days; active downloads are queued or running. One statement.
 */
public final class AdminStatsHttp {
    private static final String SQL = "SELECT "
            + "(SELECT COUNT(*) FROM users WHERE api_key_id IS NULL) AS users_total, "
            + "(SELECT COUNT(*) FROM users u WHERE u.api_key_id IS NULL AND (u.last_login_at >= ? OR EXISTS "
            + "(SELECT 1 FROM session_tokens s WHERE s.user_id = u.id AND s.last_used_at >= ?))) AS users_active, "
            + "(SELECT COUNT(*) FROM media_requests) AS requests_total, "
            + "(SELECT COUNT(*) FROM media_requests WHERE status = 'pending') AS requests_pending, "
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
        Map<String, Object> out = jdbc.queryOne(SQL, row -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("users", Map.of("total", row.longValue("users_total"), "active30d", row.longValue("users_active")));
            m.put("requests", Map.of("total", row.longValue("requests_total"),
                    "pending", row.longValue("requests_pending")));
            m.put("downloads", Map.of("total", row.longValue("downloads_total"),
                    "active", row.longValue("downloads_active")));
            return m;
        }, since, since).orElseThrow();
        ex.ok(out);
    }
}
