package app.medianest.server.auth;

import app.medianest.model.Role;
import app.medianest.model.auth.ApiKeyView;
import app.medianest.server.db.Jdbc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** API keys for tools: stored as hashes, listed by prefix, revoked by timestamp. */
public final class ApiKeyRepository {
    /** What authentication needs of a key. */
    public record KeyRow(UUID id, String name, Role role, UUID createdBy, Instant revokedAt) {
    }

    private final Jdbc jdbc;

    public ApiKeyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a key and its own service account (same id, the key's role, no password, no Plex link): whatever the
     * key does is done as that account, never as the admin who created it.
     */
    public void insert(UUID id, String name, String prefix, String hash, Role role, UUID createdBy, Instant at) {
        Instant t = at.truncatedTo(ChronoUnit.MICROS);
        String account = accountName(id);
        jdbc.inTransaction(h -> {
            h.update("INSERT INTO users (id, username, username_key, role, status, created_at, updated_at, api_key_id) "
                    + "VALUES (?, ?, ?, ?, 'active', ?, ?, ?)", id, account, account, role, t, t, id);
            h.update("INSERT INTO api_keys (id, name, prefix, key_hash, role, created_by, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, name, prefix, hash, role, createdBy, t);
            return null;
        });
    }

    /** The user name of a key's service account. */
    public static String accountName(UUID keyId) {
        return "key-" + keyId;
    }

    /** A key is usable while it is not revoked and its service account exists and is active. */
    public Optional<KeyRow> findByHash(String hash) {
        return jdbc.queryOne("SELECT k.id AS id, k.name AS name, k.role AS role, k.created_by AS created_by, "
                + "k.revoked_at AS revoked_at, u.status AS status FROM api_keys k LEFT JOIN users u ON u.id = k.id "
                + "WHERE k.key_hash = ?",
                r -> new KeyRow(r.uuid("id"), r.string("name"), Role.parse(r.string("role")), r.uuid("created_by"),
                        r.instant("revoked_at") != null ? r.instant("revoked_at")
                                : "active".equals(r.string("status")) ? null : Instant.EPOCH), hash);
    }

    public List<ApiKeyView> list() {
        return jdbc.query("SELECT id, name, prefix, role, created_at, last_used_at, revoked_at FROM api_keys "
                + "ORDER BY created_at DESC, id DESC", r -> new ApiKeyView(r.uuid("id"), r.string("name"),
                r.string("prefix"), Role.parse(r.string("role")), r.instant("created_at"), r.instant("last_used_at"),
                r.instant("revoked_at"), null));
    }

    /** Revokes a key; returns its hash when it existed and was active. */
    public Optional<String> revoke(UUID id, Instant at) {
        return jdbc.inTransaction(h -> {
            Optional<String> hash = h.queryOne("SELECT key_hash FROM api_keys WHERE id = ? AND revoked_at IS NULL",
                    r -> r.string("key_hash"), id);
            hash.ifPresent(x -> h.update("UPDATE api_keys SET revoked_at = ? WHERE id = ?",
                    at.truncatedTo(ChronoUnit.MICROS), id));
            return hash;
        });
    }

    public boolean exists(UUID id) {
        return jdbc.queryLong("SELECT COUNT(*) AS n FROM api_keys WHERE id = ?", id) > 0;
    }

    public int touch(Map<String, Instant> lastUsedByHash) {
        List<Object[]> rows = new ArrayList<>();
        lastUsedByHash.forEach((hash, at) -> rows.add(new Object[] {at.truncatedTo(ChronoUnit.MICROS), hash}));
        return jdbc.inTransaction(h -> h.batch("UPDATE api_keys SET last_used_at = ? WHERE key_hash = ?", rows));
    }
}
