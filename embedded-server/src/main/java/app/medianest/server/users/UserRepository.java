package app.medianest.server.users;

import app.medianest.model.Role;
import app.medianest.model.UserStatus;
import app.medianest.server.db.Handle;
import app.medianest.server.db.Jdbc;
import app.medianest.server.db.Keyset;
import app.medianest.server.db.Page;
import app.medianest.server.db.RowCounts;
import app.medianest.server.db.RowMapper;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Users: lookups by id, name and Plex id, and the admin list with request counts in one query. */
public final class UserRepository {
    /** Sorts of the admin user list. */
    public static final Map<String, Keyset> SORTS = Map.of(
            "createdAt", Keyset.of("createdAt", "u.created_at", Keyset.Type.INSTANT, "u.id", Keyset.Type.UUID),
            "username", Keyset.of("username", "u.username_key", Keyset.Type.STRING, "u.id", Keyset.Type.UUID));

    private static final String COLUMNS = "id, username, email, role, status, password_hash, plex_id, plex_username, "
            + "created_at, updated_at, last_login_at";
    private static final String INSERT = "INSERT INTO users (id, username, username_key, email, role, status, "
            + "password_hash, plex_id, plex_username, plex_token_enc, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The {@link RowCounts} count of people: every insert here adds one, every delete of a person takes one. */
    public static final String PEOPLE = "users";

    private final Jdbc jdbc;

    public UserRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a user.
     *
     * @param plexTokenEnc encrypted Plex token, or null
     * @throws app.medianest.server.db.DataAccessException.ConstraintViolation when the name is taken
     */
    public User insert(Handle h, User u, String plexTokenEnc) {
        h.update(INSERT, row(u, plexTokenEnc));
        RowCounts.add(h, PEOPLE, 1);
        return findById(h, u.id()).orElseThrow();
    }

    /** Inserts many users as one batch (seeding). */
    public int insertBatch(Handle h, List<User> users) {
        List<Object[]> rows = new ArrayList<>();
        for (User u : users) {
            rows.add(row(u, null));
        }
        h.batch(INSERT, rows);
        RowCounts.add(h, PEOPLE, rows.size());
        return rows.size();
    }

    /**
     * Deletes a user (sessions and downloads go with it, requests stay with an anonymised owner); false when
     * there was no such user.
     */
    public boolean delete(UUID id) {
        return jdbc.inTransaction(h -> {
            boolean person = h.queryLong("SELECT COUNT(*) AS n FROM users WHERE id = ? AND api_key_id IS NULL", id) > 0;
            if (h.update("DELETE FROM users WHERE id = ?", id) != 1) {
                return false;
            }
            if (person) {
                RowCounts.add(h, PEOPLE, -1);
            }
            return true;
        });
    }

    private static Object[] row(User u, String plexTokenEnc) {
        Instant created = u.createdAt().truncatedTo(ChronoUnit.MICROS);
        return new Object[] {u.id(), u.username(), key(u.username()), u.email(), u.role(), u.status(),
                u.passwordHash(), u.plexId(), u.plexUsername(), plexTokenEnc, created,
                u.updatedAt().truncatedTo(ChronoUnit.MICROS)};
    }

    public Optional<User> findById(UUID id) {
        return jdbc.withHandle(h -> findById(h, id));
    }

    public Optional<User> findById(Handle h, UUID id) {
        return h.queryOne("SELECT " + COLUMNS + " FROM users WHERE id = ?", UserRepository::map, id);
    }

    public Optional<User> findByUsername(String username) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE username_key = ?", UserRepository::map,
                key(username));
    }

    public Optional<User> findByPlexId(Handle h, String plexId) {
        return h.queryOne("SELECT " + COLUMNS + " FROM users WHERE plex_id = ?", UserRepository::map, plexId);
    }

    /** Ids of the active admins (notification recipients), in the caller's transaction. */
    public List<UUID> activeAdminIds(Handle h) {
        return h.query("SELECT id FROM users WHERE role = ? AND status = ? AND api_key_id IS NULL", r -> r.uuid("id"),
                Role.ADMIN,
                UserStatus.ACTIVE);
    }

    public long countByRole(Role role) {
        return jdbc.queryLong("SELECT COUNT(*) AS n FROM users WHERE role = ? AND api_key_id IS NULL", role);
    }

    /** People (not API keys' service accounts), from the exact count kept in {@link RowCounts}. */
    public long count() {
        return jdbc.withHandle(h -> RowCounts.read(h).getOrDefault(PEOPLE, 0L));
    }

    /**
     * One page of users for the admin list, each with its request count (kept in {@code users.request_count} by
     * the request repository). {@code search} matches users whose name or e-mail
     * address starts with it, ignoring case.
     */
    public Page<UserSummary> list(String search, Role role, String sort, boolean desc, String cursor, int limit) {
        Keyset keyset = SORTS.get(sort);
        if (keyset == null) {
            throw new IllegalArgumentException("unknown sort '" + sort + "'");
        }
        List<Object> params = new ArrayList<>();
        String sql = listSql(search, role, sort, desc, cursor, limit, params);
        List<UserSummary> rows = jdbc.query(sql, r -> new UserSummary(r.uuid("id"), r.string("username"),
                r.string("email"), Role.parse(r.string("role")), UserStatus.parse(r.string("status")),
                r.string("plex_id") != null, r.longValue("request_count"), r.instant("created_at"),
                r.instant("last_login_at")), params.toArray());
        return keyset.page(rows, limit, desc, u -> "username".equals(sort)
                ? List.of(key(u.username()), u.id()) : List.of(u.createdAt(), u.id()));
    }

    /** The SQL {@link #list} runs (for EXPLAIN in tests), with its parameters added to {@code params}. */
    public static String listSql(String search, Role role, String sort, boolean desc, String cursor, int limit,
                                 List<Object> params) {
        Keyset keyset = SORTS.get(sort);
        StringBuilder sql = new StringBuilder("SELECT u.id, u.username, u.username_key, u.email, u.role, u.status, "
                + "u.plex_id, u.created_at, u.last_login_at, "
                + "u.request_count "
                + "FROM users u WHERE u.api_key_id IS NULL");
        if (search != null && !search.isBlank()) {
            // Names or addresses that start with the term: two index range reads, whatever the number of users.
            sql.append(" AND u.id IN (SELECT k.id FROM users k WHERE k.username_key LIKE ? ESCAPE '\\' "
                    + "UNION SELECT k.id FROM users k WHERE k.email_key LIKE ? ESCAPE '\\')");
            String like = key(search.strip()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        if (role != null) {
            sql.append(" AND u.role = ?");
            params.add(role);
        }
        if (cursor != null) {
            sql.append(" AND ").append(keyset.seek(desc, keyset.decode(cursor, desc), params));
        }
        return sql.append(keyset.orderBy(desc)).append(" FETCH FIRST ").append(limit + 1).append(" ROWS ONLY")
                .toString();
    }

    static User map(RowMapper.Row r) throws SQLException {
        return new User(r.uuid("id"), r.string("username"), r.string("email"), Role.parse(r.string("role")),
                UserStatus.parse(r.string("status")), r.string("password_hash"), r.string("plex_id"),
                r.string("plex_username"), r.instant("created_at"), r.instant("updated_at"),
                r.instant("last_login_at"));
    }

    /** The case-insensitive unique key of a user name. */
    public static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
