package app.medianest.server.notifications;

import app.medianest.model.dashboard.NotificationView;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Notifications per user: inserted in the transaction of the change they report, listed newest first with
 * keyset paging on {@code (user_id, created_at DESC, id DESC)}, unread count from the {@code (user_id,
 * read_at)} index.
 */
public final class NotificationRepository {
    /** Newest first, the only order of the notification list. */
    public static final Keyset NEWEST = Keyset.of("createdAt", "created_at", Keyset.Type.INSTANT, "id",
            Keyset.Type.UUID);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, user_id, type, title, message, data, read_at, created_at";
    private static final String INSERT = "INSERT INTO notifications (id, user_id, type, title, message, data, "
            + "read_at, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)";

    private final Jdbc jdbc;

    public NotificationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts {@code rows} in the caller's transaction, as one batch. */
    public int insertAll(Handle h, List<NewNotification> rows) {
        List<Object[]> params = new ArrayList<>(rows.size());
        for (NewNotification n : rows) {
            params.add(new Object[] {UUID.randomUUID(), n.userId(), n.type(), n.title(), n.message(),
                toJson(n.data()), n.createdAt().truncatedTo(ChronoUnit.MICROS)});
        }
        return h.batch(INSERT, params);
    }

    /**
     * One page of {@code userId}'s notifications, newest first.
     *
     * @throws IllegalArgumentException for a cursor this list did not make
     */
    public Page<NotificationView> list(UUID userId, String cursor, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(userId);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notifications WHERE user_id = ?");
        if (cursor != null) {
            sql.append(" AND ").append(NEWEST.seek(true, NEWEST.decode(cursor, true), params));
        }
        sql.append(NEWEST.orderBy(true, List.of("user_id"))).append(" FETCH FIRST ").append(limit + 1)
                .append(" ROWS ONLY");
        List<NotificationView> rows = jdbc.query(sql.toString(), NotificationRepository::map, params.toArray());
        return NEWEST.page(rows, limit, true, n -> List.of(n.createdAt(), n.id()));
    }

    public long unreadCount(UUID userId) {
        return jdbc.queryLong("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL",
                userId);
    }

    /** Marks one of {@code userId}'s notifications read (once; the first time is kept); empty if not theirs. */
    public Optional<NotificationView> markRead(UUID userId, UUID id, Instant now) {
        return jdbc.inTransaction(h -> {
            h.update("UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
                    now.truncatedTo(ChronoUnit.MICROS), id, userId);
            return h.queryOne("SELECT " + COLUMNS + " FROM notifications WHERE id = ? AND user_id = ?",
                    NotificationRepository::map, id, userId);
        });
    }

    private static NotificationView map(RowMapper.Row r) throws SQLException {
        Instant readAt = r.instant("read_at");
        return new NotificationView(r.uuid("id"), r.string("type"), r.string("title"), r.string("message"),
                fromJson(r.string("data")), readAt != null, readAt, r.instant("created_at"));
    }

    private static String toJson(Map<String, Object> data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification data is not serialisable", e);
        }
    }

    private static Map<String, Object> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
