package app.medianest.server.backup;

import app.medianest.model.backup.BackupsMeta;
import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.Json;
import app.medianest.server.http.RouteTable;
import com.fasterxml.jackson.core.type.TypeReference;

import java.time.Duration;
import java.util.Map;

/** {@code GET /api/v1/admin/backups} (list, newest first) and {@code POST /api/v1/admin/backups} (back up now). */
public final class BackupsHttp {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Backups backups;
    private final Duration interval;

    /** @param interval how often scheduled backups run (zero: never), reported in the list's meta */
    public BackupsHttp(Backups backups, Duration interval) {
        this.backups = backups;
        this.interval = interval;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/admin/backups", Access.ADMIN, this::list)
                .post("/api/v1/admin/backups", Access.ADMIN, this::create);
    }

    private void list(Exchange ex) {
        boolean supported = backups.supported();
        BackupsMeta meta = new BackupsMeta(supported, backups.directory().toAbsolutePath().toString(),
                backups.keep(), supported ? interval.toSeconds() : 0);
        ex.ok(backups.list(), Json.MAPPER.convertValue(meta, MAP));
    }

    private void create(Exchange ex) {
        backups.unsupportedReason().ifPresent(reason -> {
            throw ApiException.conflict("BACKUP_UNSUPPORTED", reason);
        });
        ex.created(backups.backupNow("manual"));
    }
}
