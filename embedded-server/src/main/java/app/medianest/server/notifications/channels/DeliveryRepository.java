package app.medianest.server.notifications.channels;

import app.medianest.server.db.Handle;
import app.medianest.server.db.Jdbc;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code notification_outbox}: messages waiting for (or done with) their channel, in id order per channel. */
public final class DeliveryRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message to queue. */
    public record NewDelivery(ChannelKind channel, UUID userId, String event, String recipient, String title,
                              String message, Map<String, Object> data, Instant createdAt) {
    }

    /** A queued message with its delivery state. */
    public record Queued(Outgoing message, int attempts, Instant nextAttemptAt) {
    }

    private final Jdbc jdbc;

    public DeliveryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAll(Handle h, List<NewDelivery> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> params = new ArrayList<>(rows.size());
        for (NewDelivery d : rows) {
            Instant at = d.createdAt().truncatedTo(ChronoUnit.MICROS);
            params.add(new Object[] {d.channel().wire(), d.userId(), d.event(), d.recipient(), cut(d.title(), 255),
                cut(d.message(), 4000), toJson(d.data()), at, at});
        }
        h.batch("INSERT INTO notification_outbox (channel, user_id, event, recipient, title, message, data, "
                + "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", params);
    }

    /** The oldest undelivered messages of one channel, oldest first. */
    public List<Queued> pending(ChannelKind channel, int limit) {
        return jdbc.query("SELECT o.id, o.user_id, u.username, o.event, o.recipient, o.title, o.message, o.data, "
                + "o.attempts, o.next_attempt_at, o.created_at FROM notification_outbox o LEFT JOIN users u "
                + "ON u.id = o.user_id WHERE o.channel = ? AND o.sent_at IS NULL AND o.failed_at IS NULL "
                + "ORDER BY o.id FETCH FIRST " + limit + " ROWS ONLY", r -> {
                    Map<String, Object> data = fromJson(r.string("data"));
                    Object severity = data.getOrDefault("severity", "info");
                    return new Queued(new Outgoing(r.longValue("id"), channel, r.string("event"), r.uuid("user_id"),
                            r.string("username"), r.string("recipient"), r.string("title"), r.string("message"),
                            data, String.valueOf(severity), r.instant("created_at")), r.integer("attempts"),
                            r.instant("next_attempt_at"));
                }, channel.wire());
    }

    public void markSent(long id, Instant at) {
        jdbc.update("UPDATE notification_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?", micros(at), id);
    }

    public void reschedule(long id, Instant next, String error) {
        jdbc.update("UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                + "WHERE id = ?", micros(next), cut(error, 1000), id);
    }

    public void markFailed(long id, Instant at, String error) {
        jdbc.update("UPDATE notification_outbox SET attempts = attempts + 1, failed_at = ?, last_error = ? "
                + "WHERE id = ?", micros(at), cut(error, 1000), id);
    }

    /** Deletes messages sent or set aside before {@code before}; returns how many. */
    public int purge(Instant before) {
        Instant t = micros(before);
        return jdbc.update("DELETE FROM notification_outbox WHERE (sent_at IS NOT NULL AND sent_at < ?) "
                + "OR (failed_at IS NOT NULL AND failed_at < ?)", t, t);
    }

    /** Messages still waiting per channel. */
    public long waiting(ChannelKind channel) {
        return jdbc.queryLong("SELECT COUNT(*) AS n FROM notification_outbox WHERE channel = ? AND sent_at IS NULL "
                + "AND failed_at IS NULL", channel.wire());
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String toJson(Map<String, Object> data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        try {
            return cut(JSON.writeValueAsString(data), 4000);
        } catch (JsonProcessingException e) {
            return null;
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
