package app.medianest.server.overseerr;

import app.medianest.model.MediaType;
import app.medianest.server.db.Handle;
import app.medianest.server.db.Jdbc;
import app.medianest.server.db.RowMapper;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The {@code request_outbox} table. Rows are never deleted by MediaNest: a row is done when {@code sent_at} is
 * set, which happens in the same transaction that stores Overseerr's request id on the request.
 */
public final class OutboxRepository {
    /** Rows fetched per worker run. */
    static final int BATCH = 50;
    private static final String DUE = "SELECT o.id, o.request_id, o.action, o.attempts, r.media_type, r.tmdb_id, "
            + "r.seasons, r.overseerr_id FROM request_outbox o JOIN media_requests r ON r.id = o.request_id "
            + "WHERE o.sent_at IS NULL AND o.next_attempt_at <= ? "
            + "ORDER BY o.created_at, CASE o.action WHEN 'create' THEN 0 ELSE 1 END, o.id FETCH FIRST " + BATCH
            + " ROWS ONLY";

    private final Jdbc jdbc;

    public OutboxRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a row due now, in the caller's transaction. */
    void insert(Handle h, UUID requestId, OutboxAction action, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        h.update("INSERT INTO request_outbox (id, request_id, action, attempts, next_attempt_at, created_at) "
                + "VALUES (?, ?, ?, 0, ?, ?)", UUID.randomUUID(), requestId, action, at, at);
    }

    /** Whether the request ever had a row of {@code action} (sent or not). */
    boolean has(Handle h, UUID requestId, OutboxAction action) {
        return h.queryLong("SELECT COUNT(*) FROM request_outbox WHERE request_id = ? AND action = ?", requestId,
                action) > 0;
    }

    /** Whether a create for the request still waits to be sent. */
    boolean createPending(UUID requestId) {
        return jdbc.queryLong("SELECT COUNT(*) FROM request_outbox WHERE request_id = ? AND action = ? "
                + "AND sent_at IS NULL", requestId, OutboxAction.CREATE) > 0;
    }

    /** The Overseerr id recorded on a request now (a create earlier in the same run may have just set it). */
    Integer overseerrId(UUID requestId) {
        return jdbc.queryOne("SELECT overseerr_id FROM media_requests WHERE id = ?", r -> r.nullableInt("overseerr_id"),
                requestId).orElse(null);
    }

    /** Up to {@link #BATCH} rows due at {@code now}, oldest first, a request's create before its other rows. */
    List<OutboxEntry> due(Instant now) {
        return jdbc.query(DUE, OutboxRepository::map, now);
    }

    /**
     * Marks a row sent and, for a create, stores Overseerr's id on the request, in one transaction.
     *
     * @param overseerrId the id to record, or {@code null} to leave the request unchanged
     * @param note        why nothing was sent (kept in {@code last_error}), or {@code null}
     */
    void markSent(OutboxEntry e, Integer overseerrId, String note, Instant now) {
        jdbc.inTransaction(h -> {
            h.update("UPDATE request_outbox SET sent_at = ?, last_error = ? WHERE id = ? AND sent_at IS NULL",
                    now.truncatedTo(ChronoUnit.MICROS), note, e.id());
            if (overseerrId != null) {
                h.update("UPDATE media_requests SET overseerr_id = ? WHERE id = ?", overseerrId, e.requestId());
            }
            return null;
        });
    }

    /** Counts a failed attempt and sets when to try again. */
    void reschedule(UUID id, Instant next, String error) {
        String message = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.update("UPDATE request_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                + "WHERE id = ?", next.truncatedTo(ChronoUnit.MICROS), message, id);
    }

    /** Rows not yet sent (for the admin view and tests). */
    public long unsent() {
        return jdbc.queryLong("SELECT COUNT(*) FROM request_outbox WHERE sent_at IS NULL");
    }

    private static OutboxEntry map(RowMapper.Row r) throws SQLException {
        return new OutboxEntry(r.uuid("id"), r.uuid("request_id"), OutboxAction.parse(r.string("action")),
                r.integer("attempts"), MediaType.parse(r.string("media_type")), r.integer("tmdb_id"),
                seasons(r.string("seasons")), r.nullableInt("overseerr_id"));
    }

    private static List<Integer> seasons(String json) {
        if (json == null || json.length() < 3) {
            return List.of();
        }
        return Arrays.stream(json.substring(1, json.length() - 1).split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }
}
