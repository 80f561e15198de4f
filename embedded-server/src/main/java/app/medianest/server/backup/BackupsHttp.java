package app.medianest.server.backup;

import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;

import java.util.Map;

/** {@code GET /api/v1/admin/backups} (list, newest first) and {@code POST /api/v1/admin/backups} (back up now). */
public final class BackupsHttp {
    private final Backups backups;

    public BackupsHttp(Backups backups) {
        this.backups = backups;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/admin/backups", Access.ADMIN, ex -> ex.ok(backups.list(), Map.of("supported",
                        backups.supported(), "directory", backups.directory().toString())))
                .post("/api/v1/admin/backups", Access.ADMIN, this::create);
    }

    private void create(Exchange ex) {
        if (!backups.supported()) {
            throw ApiException.conflict("BACKUP_UNSUPPORTED", "This server uses PostgreSQL: back it up with "
                    + "pg_dump (docs/operations.md)");
        }
        ex.created(backups.backupNow("manual"));
    }
}
