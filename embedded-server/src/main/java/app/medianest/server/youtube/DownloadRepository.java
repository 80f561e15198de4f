package app.medianest.server.youtube;

import app.medianest.model.DownloadStatus;
import app.medianest.server.db.Handle;
import app.medianest.server.db.Jdbc;
import app.medianest.server.db.Keyset;
import app.medianest.server.db.Page;
import app.medianest.server.db.RowMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The persisted download queue. State changes are conditional updates ({@code WHERE status = ...}) so a
 * cancellation racing a worker never gets overwritten; the unique {@code active_key} refuses a second active
 * download of the same video by the same user.
 */
public final class DownloadRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Keyset NEWEST_FIRST = Keyset.of("createdAt", "created_at", Keyset.Type.INSTANT, "id",
            Keyset.Type.UUID);
    private static final String COLUMNS = "SELECT id, user_id, url, video_id, playlist_id, title, quality, format, "
            + "status, progress, files, error, attempts, created_at, started_at, completed_at FROM youtube_downloads";

    private final Jdbc jdbc;

    public DownloadRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the user's row so concurrent submissions of one user are counted one after another. */
    void lockUser(Handle h, UUID userId) {
        h.query("SELECT id FROM users WHERE id = ? FOR UPDATE", r -> r.uuid("id"), userId);
    }

    /** How many downloads the user queued since {@code since}, and the oldest of them. */
    Window window(Handle h, UUID userId, Instant since) {
        return h.queryOne("SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM youtube_downloads "
                + "WHERE user_id = ? AND created_at > ?", r -> new Window(r.longValue("n"), r.instant("oldest")), userId,
                since).orElse(new Window(0, null));
    }

    /** Submissions in the rate window. */
    record Window(long count, Instant oldest) {
    }

    /** @throws app.medianest.server.db.DataAccessException.ConstraintViolation when already queued by that user */
    DownloadRow insert(Handle h, UUID id, UUID userId, YoutubeUrl target, String url, String quality, String format,
                       Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        h.update("INSERT INTO youtube_downloads (id, user_id, url, video_id, playlist_id, quality, format, status, "
                        + "active_key, progress, attempts, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)", id, userId, url, target.videoId(),
                target.playlistId(), quality, format, DownloadStatus.QUEUED, userId + ":" + target.key(), at, at);
        return h.queryOne(COLUMNS + " WHERE id = ?", DownloadRepository::map, id).orElseThrow();
    }

    public Optional<DownloadRow> find(UUID id) {
        return jdbc.queryOne(COLUMNS + " WHERE id = ?", DownloadRepository::map, id);
    }

    /** One newest-first page of a user's downloads, optionally of one status. */
    Page<DownloadRow> list(UUID userId, DownloadStatus status, String cursor, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE user_id = ?");
        params.add(userId);
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        if (cursor != null) {
            sql.append(" AND ").append(NEWEST_FIRST.seek(true, NEWEST_FIRST.decode(cursor, true), params));
        }
        sql.append(NEWEST_FIRST.orderBy(true, List.of("user_id"))).append(" FETCH FIRST ").append(limit + 1)
                .append(" ROWS ONLY");
        List<DownloadRow> rows = jdbc.query(sql.toString(), DownloadRepository::map, params.toArray());
        return NEWEST_FIRST.page(rows, limit, true, r -> List.of(r.createdAt(), r.id()));
    }

    /** Takes the oldest queued download for a worker; empty when none is waiting. */
    Optional<DownloadRow> claimNext(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        for (UUID id : jdbc.query("SELECT id FROM youtube_downloads WHERE status = ? ORDER BY created_at, id "
                + "FETCH FIRST 5 ROWS ONLY", r -> r.uuid("id"), DownloadStatus.QUEUED)) {
            int n = jdbc.update("UPDATE youtube_downloads SET status = ?, progress = 0, error = NULL, started_at = ?, "
                    + "updated_at = ? WHERE id = ? AND status = ?", DownloadStatus.DOWNLOADING, at, at, id,
                    DownloadStatus.QUEUED);
            if (n == 1) {
                return find(id);
            }
        }
        return Optional.empty();
    }

    void progress(UUID id, int progress, Instant now) {
        jdbc.update("UPDATE youtube_downloads SET progress = ?, updated_at = ? WHERE id = ? AND status = ?",
                Math.clamp(progress, 0, 100), now.truncatedTo(ChronoUnit.MICROS), id, DownloadStatus.DOWNLOADING);
    }

    void title(UUID id, String title) {
        jdbc.update("UPDATE youtube_downloads SET title = ? WHERE id = ?",
                title.length() > 500 ? title.substring(0, 500) : title, id);
    }

    /** Finishes a running download; false when it was cancelled meanwhile. */
    boolean complete(UUID id, List<String> files, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return jdbc.update("UPDATE youtube_downloads SET status = ?, progress = 100, files = ?, active_key = NULL, "
                + "completed_at = ?, updated_at = ? WHERE id = ? AND status = ?", DownloadStatus.COMPLETED,
                filesJson(files), at, at, id, DownloadStatus.DOWNLOADING) == 1;
    }

    /** Fails a running download; false when it was cancelled meanwhile. */
    boolean fail(UUID id, String error, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        String e = error.length() > 1000 ? error.substring(0, 1000) : error;
        return jdbc.update("UPDATE youtube_downloads SET status = ?, error = ?, active_key = NULL, completed_at = ?, "
                + "updated_at = ? WHERE id = ? AND status = ?", DownloadStatus.FAILED, e, at, at, id,
                DownloadStatus.DOWNLOADING) == 1;
    }

    /** Cancels a queued or running download; false when it had already finished. */
    boolean cancel(UUID id, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return jdbc.update("UPDATE youtube_downloads SET status = ?, active_key = NULL, completed_at = ?, "
                + "updated_at = ? WHERE id = ? AND status IN (?, ?)", DownloadStatus.CANCELLED, at, at, id,
                DownloadStatus.QUEUED, DownloadStatus.DOWNLOADING) == 1;
    }

    /** After a restart: downloads that were running are queued again. Returns how many. */
    int requeueInterrupted(Instant now) {
        return jdbc.update("UPDATE youtube_downloads SET status = ?, progress = 0, started_at = NULL, "
                + "attempts = attempts + 1, updated_at = ? WHERE status = ?", DownloadStatus.QUEUED,
                now.truncatedTo(ChronoUnit.MICROS), DownloadStatus.DOWNLOADING);
    }

    /** The file list as JSON within the column's 4000 characters (a long playlist ends in "... and N more"). */
    static String filesJson(List<String> files) {
        try {
            List<String> kept = new ArrayList<>(files);
            String json = JSON.writeValueAsString(kept);
            while (json.length() > 4000 && !kept.isEmpty()) {
                kept.removeLast();
                List<String> shown = new ArrayList<>(kept);
                shown.add("... and " + (files.size() - kept.size()) + " more");
                json = JSON.writeValueAsString(shown);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a file list", e);
        }
    }

    private static List<String> files(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static DownloadRow map(RowMapper.Row r) throws SQLException {
        return new DownloadRow(r.uuid("id"), r.uuid("user_id"), r.string("url"), r.string("video_id"),
                r.string("playlist_id"), r.string("title"), r.string("quality"), r.string("format"),
                DownloadStatus.parse(r.string("status")), r.integer("progress"), files(r.string("files")),
                r.string("error"), r.integer("attempts"), r.instant("created_at"), r.instant("started_at"),
                r.instant("completed_at"));
    }
}
