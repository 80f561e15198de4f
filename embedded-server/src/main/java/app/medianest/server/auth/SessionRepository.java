package app.medianest.server.auth;

import app.medianest.model.Role;
import app.medianest.model.UserStatus;
import app.medianest.server.db.Jdbc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Session rows (only token hashes), looked up together with their user in one query. */
public final class SessionRepository {
    /** A session joined with the user's current role and status. */
    public record SessionRow(UUID id, UUID userId, String username, String email, Role role, UserStatus status,
                             Instant expiresAt) {
    }

    private final Jdbc jdbc;

    public SessionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID userId, String tokenHash, boolean rememberMe, Instant created, Instant expires,
                       String address, String userAgent) {
        jdbc.update("INSERT INTO session_tokens (id, user_id, token_hash, remember_me, created_at, expires_at, "
                        + "last_used_at, client_address, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, userId,
                tokenHash, rememberMe, created.truncatedTo(ChronoUnit.MICROS), expires.truncatedTo(ChronoUnit.MICROS),
                created.truncatedTo(ChronoUnit.MICROS), truncate(address, 64), truncate(userAgent, 255));
    }

    public Optional<SessionRow> findByHash(String tokenHash) {
        return jdbc.queryOne("SELECT s.id, s.user_id, s.expires_at, u.username, u.email, u.role, u.status "
                + "FROM session_tokens s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?", r -> new SessionRow(
                r.uuid("id"), r.uuid("user_id"), r.string("username"), r.string("email"), Role.parse(r.string("role")),
                UserStatus.parse(r.string("status")), r.instant("expires_at")), tokenHash);
    }

    public int deleteByHash(String tokenHash) {
        return jdbc.update("DELETE FROM session_tokens WHERE token_hash = ?", tokenHash);
    }

    /** Revokes every session of a user; returns the hashes that were removed, for cache invalidation. */
    public List<String> deleteByUser(UUID userId) {
        return jdbc.inTransaction(h -> {
            List<String> hashes = h.query("SELECT token_hash FROM session_tokens WHERE user_id = ?",
                    r -> r.string("token_hash"), userId);
            h.update("DELETE FROM session_tokens WHERE user_id = ?", userId);
            return hashes;
        });
    }

    /** Bulk delete of every expired session. */
    public int deleteExpired(Instant now) {
        return jdbc.update("DELETE FROM session_tokens WHERE expires_at < ?", now.truncatedTo(ChronoUnit.MICROS));
    }

    /** Writes the collected last-used times in one batch. */
    public int touch(Map<String, Instant> lastUsedByHash) {
        List<Object[]> rows = new ArrayList<>();
        lastUsedByHash.forEach((hash, at) -> rows.add(new Object[] {at.truncatedTo(ChronoUnit.MICROS), hash}));
        return jdbc.inTransaction(h -> h.batch("UPDATE session_tokens SET last_used_at = ? WHERE token_hash = ?",
                rows));
    }

    public long countForUser(UUID userId) {
        return jdbc.queryLong("SELECT COUNT(*) AS n FROM session_tokens WHERE user_id = ?", userId);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
