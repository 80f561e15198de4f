package app.medianest.server.requests;

import app.medianest.model.MediaRequestView;
import app.medianest.model.MediaType;
import app.medianest.model.RequestCounts;
import app.medianest.model.RequestStatus;
import app.medianest.server.db.Dialect;
import app.medianest.server.db.Handle;
import app.medianest.server.db.Jdbc;
import app.medianest.server.db.Keyset;
import app.medianest.server.db.Page;
import app.medianest.server.db.RowCounts;
import app.medianest.server.db.RowMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Media requests: inserts guarded by the database's one-active-request-per-media key, keyset-paged lists
 * joined with the owner's name in the same query, per-status counts kept exact in {@link RowCounts} by every
 * insert, status change and delete here.
 */
public final class MediaRequestRepository {
    /** The sorts clients may ask for, each ending in the unique id. */
    public static final Map<String, Keyset> SORTS = Map.of(
            "createdAt", Keyset.of("createdAt", "r.created_at", Keyset.Type.INSTANT, "r.id", Keyset.Type.UUID),
            "title", Keyset.of("title", "r.title_key", Keyset.Type.STRING, "r.id", Keyset.Type.UUID),
            "status", Keyset.of("status", "r.status", Keyset.Type.STRING, "r.created_at", Keyset.Type.INSTANT,
                    "r.id", Keyset.Type.UUID));

    /** Longest title (and title key) the table stores. */
    public static final int TITLE_MAX = 500;

    private static final String COLUMNS = "SELECT r.id, r.user_id, u.username, r.media_type, r.tmdb_id, r.title, "
            + "r.title_key, r.status, r.seasons, r.decline_reason, r.created_at, r.updated_at FROM media_requests r";
    private static final String JOIN = " LEFT JOIN users u ON u.id = r.user_id";
    private static final String SELECT = COLUMNS + JOIN;
    private static final String INSERT = "INSERT INTO media_requests (id, user_id, media_type, tmdb_id, title, "
            + "title_key, status, active_media, seasons, decline_reason, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The owner's number of requests (users.request_count, V63), kept with every insert and delete here. */
    private static final String OWNER_COUNT = "UPDATE users SET request_count = request_count + ? WHERE id = ?";

    private final Jdbc jdbc;

    public MediaRequestRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts one request.
     *
     * @throws app.medianest.server.db.DataAccessException.ConstraintViolation when the media already has an
     *                                                                         active request
     */
    public MediaRequestView insert(Handle h, NewMediaRequest r) {
        h.update(INSERT, row(r));
        if (r.userId() != null) {
            h.update(OWNER_COUNT, 1, r.userId());
        }
        RowCounts.add(h, countName(r.status()), 1);
        return findById(h, r.id()).orElseThrow();
    }

    /** Inserts many rows as one JDBC batch (seeding); the caller owns the transaction. */
    public int insertBatch(Handle h, List<NewMediaRequest> rows) {
        List<Object[]> params = new ArrayList<>(rows.size());
        Map<String, Long> byCount = new java.util.TreeMap<>();   // counts locked in name order, as RowCounts asks
        Map<UUID, Long> byOwner = new java.util.TreeMap<>();
        for (NewMediaRequest r : rows) {
            params.add(row(r));
            byCount.merge(countName(r.status()), 1L, Long::sum);
            if (r.userId() != null) {
                byOwner.merge(r.userId(), 1L, Long::sum);
            }
        }
        h.batch(INSERT, params);
        List<Object[]> owners = new ArrayList<>(byOwner.size());
        byOwner.forEach((owner, n) -> owners.add(new Object[] {n, owner}));
        h.batch(OWNER_COUNT, owners);
        byCount.forEach((name, n) -> RowCounts.add(h, name, n));
        return rows.size();
    }

    /** The name of a status's count in {@link RowCounts}. */
    private static String countName(RequestStatus status) {
        return "requests." + status.wire();
    }

    private static Object[] row(NewMediaRequest r) {
        Instant created = r.createdAt().truncatedTo(ChronoUnit.MICROS);
        return new Object[] {r.id(), r.userId(), r.mediaType(), r.tmdbId(), r.title(), titleKey(r.title()),
                r.status(), activeKeyOrNull(r.status(), r.mediaType(), r.tmdbId()), seasonsJson(r.seasons()),
                r.declineReason(), created, created};
    }

    public Optional<MediaRequestView> findById(UUID id) {
        return jdbc.withHandle(h -> findById(h, id));
    }

    public Optional<MediaRequestView> findById(Handle h, UUID id) {
        return h.queryOne(SELECT + " WHERE r.id = ?", MediaRequestRepository::map, id);
    }

    /**
     * One page of requests matching {@code filter}, in {@code sort} order.
     *
     * @throws IllegalArgumentException for an unknown sort or a cursor made for another sort/order
     */
    public Page<MediaRequestView> list(RequestFilter filter, String sort, boolean desc, String cursor, int limit) {
        Keyset keyset = SORTS.get(sort);
        if (keyset == null) {
            throw new IllegalArgumentException("unknown sort '" + sort + "'");
        }
        List<Object> params = new ArrayList<>();
        String sql = listSql(jdbc.dialect(), filter, sort, desc, cursor, limit, params);
        List<MediaRequestView> rows = jdbc.query(sql, MediaRequestRepository::map, params.toArray());
        return keyset.page(rows, limit, desc, r -> keyOf(sort, r));
    }

    /** The SQL {@link #list} would run (for EXPLAIN in tests and benchmarks), with its parameters. */
    public static String listSql(Dialect dialect, RequestFilter filter, String sort, boolean desc, String cursor,
                                 int limit, List<Object> params) {
        Keyset keyset = SORTS.get(sort);
        List<String> pinned = pinned(filter, sort);
        StringBuilder sql = new StringBuilder(COLUMNS);
        if (dialect == Dialect.H2 && pinned.contains("r.user_id")) {
            // H2 backs the owner foreign key with its own one-column index and prefers it; point it at the
            // composite one that already yields the order (for the title order: the owner's rows by title).
            sql.append("title".equals(sort) ? " USE INDEX (ix_media_requests_user_title)"
                    : pinned.size() == 1 ? " USE INDEX (ix_media_requests_user_created)"
                    : " USE INDEX (ix_media_requests_user_status_created)");
        }
        sql.append(JOIN).append(" WHERE 1 = 1");
        where(filter, sql, params);
        if (cursor != null) {
            sql.append(" AND ").append(keyset.seek(desc, keyset.decode(cursor, desc), params));
        }
        // The owner's title index is ascending throughout: the descending title order reads it backwards.
        return sql.append(keyset.orderBy(desc, pinned, "title".equals(sort) && desc)).append(" FETCH FIRST ")
                .append(limit + 1).append(" ROWS ONLY").toString();
    }

    /**
     * Equality-filtered columns that prefix an index of the sort's order (see Keyset#orderBy): the owner and the
     * status for createdAt, the owner for title ({@code ix_media_requests_user_title}, V63).
     */
    private static List<String> pinned(RequestFilter f, String sort) {
        if ("title".equals(sort)) {
            return f.userId() == null ? List.of() : List.of("r.user_id");
        }
        if (!"createdAt".equals(sort)) {
            return List.of();
        }
        List<String> pinned = new ArrayList<>();
        if (f.userId() != null) {
            pinned.add("r.user_id");
        }
        if (f.status() != null) {
            pinned.add("r.status");
        }
        return pinned;
    }

    private static void where(RequestFilter f, StringBuilder sql, List<Object> params) {
        if (f.userId() != null) {
            sql.append(" AND r.user_id = ?");
            params.add(f.userId());
        }
        if (f.status() != null) {
            sql.append(" AND r.status = ?");
            params.add(f.status());
        }
        if (f.mediaType() != null) {
            sql.append(" AND r.media_type = ?");
            params.add(f.mediaType());
        }
        if (f.search() != null && !f.search().isBlank()) {
            sql.append(" AND r.title_key LIKE ? ESCAPE '\\'");
            params.add("%" + escapeLike(titleKey(f.search().strip())) + "%");
        }
        if (f.from() != null) {
            sql.append(" AND r.created_at >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" AND r.created_at < ?");
            params.add(f.to());
        }
    }

    private static List<Object> keyOf(String sort, MediaRequestView r) {
        return switch (sort) {
            case "title" -> List.of(titleKey(r.title()), r.id());
            case "status" -> List.of(r.status().wire(), r.createdAt(), r.id());
            default -> List.of(r.createdAt(), r.id());
        };
    }

    /**
     * Per-status counts for one user, from one grouped query over the user's index range; for everyone
     * ({@code null}), from the exact counts kept in {@link RowCounts} (constant time on any number of requests).
     */
    public RequestCounts counts(UUID userId) {
        Map<String, Long> byStatus;
        if (userId == null) {
            byStatus = new java.util.HashMap<>();
            jdbc.withHandle(RowCounts::read).forEach((name, n) -> {
                if (name.startsWith("requests.")) {
                    byStatus.put(name.substring("requests.".length()), n);
                }
            });
        } else {
            byStatus = jdbc.query("SELECT status, COUNT(*) AS n FROM media_requests WHERE user_id = ? GROUP BY status",
                    r -> Map.entry(r.string("status"), r.longValue("n")), userId)
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
        long pending = byStatus.getOrDefault("pending", 0L);
        long approved = byStatus.getOrDefault("approved", 0L);
        long declined = byStatus.getOrDefault("declined", 0L);
        long available = byStatus.getOrDefault("available", 0L);
        long failed = byStatus.getOrDefault("failed", 0L);
        return new RequestCounts(pending, approved, declined, available, failed,
                pending + approved + declined + available + failed);
    }

    /**
     * Moves a request to {@code to} if it is currently in one of {@code from}; returns the updated request,
     * or empty when it does not exist or was not in an allowed state (the caller tells which).
     */
    public Optional<MediaRequestView> transition(Handle h, UUID id, List<RequestStatus> from, RequestStatus to,
                                                 String reason, UUID decidedBy, Instant now) {
        // The update names the status it read, so the counts move from exactly the status it replaced; a
        // concurrent change in between makes it match nothing, and the request is read again.
        while (true) {
            Optional<MediaRequestView> current = findById(h, id);
            if (current.isEmpty() || !from.contains(current.get().status())) {
                return Optional.empty();
            }
            MediaRequestView r = current.get();
            int n = h.update("UPDATE media_requests SET status = ?, active_media = ?, decline_reason = COALESCE(?, "
                    + "decline_reason), decided_by = COALESCE(?, decided_by), decided_at = COALESCE(?, decided_at), "
                    + "updated_at = ? WHERE id = ? AND status = ?", to, activeKeyOrNull(to, r.mediaType(), r.tmdbId()),
                    reason, decidedBy, decidedBy == null ? null : now.truncatedTo(ChronoUnit.MICROS),
                    now.truncatedTo(ChronoUnit.MICROS), id, r.status());
            if (n == 1) {
                if (r.status() != to) {
                    RowCounts.add(h, countName(r.status()), -1, countName(to), 1);
                }
                return findById(h, id);
            }
        }
    }

    /** The active (pending, approved or available) request for a media item, if any: at most one exists. */
    public Optional<MediaRequestView> findActive(Handle h, MediaType type, int tmdbId) {
        return h.queryOne(SELECT + " WHERE r.active_media = ?", MediaRequestRepository::map,
                activeKeyOrNull(RequestStatus.PENDING, type, tmdbId));
    }

    /** The newest request linked to Overseerr request {@code overseerrId}, if any. */
    public Optional<MediaRequestView> findByOverseerrId(Handle h, int overseerrId) {
        return h.queryOne(SELECT + " WHERE r.overseerr_id = ? ORDER BY r.created_at DESC, r.id DESC FETCH FIRST 1 "
                + "ROWS ONLY", MediaRequestRepository::map, overseerrId);
    }

    /** The Overseerr request id linked to a request, if any. */
    public Optional<Integer> overseerrId(Handle h, UUID id) {
        return h.queryOne("SELECT overseerr_id FROM media_requests WHERE id = ? AND overseerr_id IS NOT NULL",
                r -> r.integer("overseerr_id"), id);
    }

    /** Links a request to its Overseerr request (set by forwarding, or learnt from a webhook). */
    public boolean linkOverseerr(Handle h, UUID id, int overseerrId) {
        return h.update("UPDATE media_requests SET overseerr_id = ? WHERE id = ?", overseerrId, id) == 1;
    }

    /** Deletes a request if it is still pending; true when a row was deleted. */
    public boolean deleteIfPending(Handle h, UUID id) {
        List<UUID> owner = h.query("SELECT user_id FROM media_requests WHERE id = ? AND user_id IS NOT NULL",
                r -> r.uuid("user_id"), id);
        if (h.update("DELETE FROM media_requests WHERE id = ? AND status = ?", id, RequestStatus.PENDING) != 1) {
            return false;
        }
        for (UUID user : owner) {
            h.update(OWNER_COUNT, -1, user);
        }
        RowCounts.add(h, countName(RequestStatus.PENDING), -1);
        return true;
    }

    /** Whether any request exists at all (the seeder refuses a non-empty database). */
    public long total() {
        return jdbc.queryLong("SELECT COUNT(*) AS n FROM media_requests");
    }

    static MediaRequestView map(RowMapper.Row r) throws java.sql.SQLException {
        return new MediaRequestView(r.uuid("id"), r.uuid("user_id"), r.string("username"),
                MediaType.parse(r.string("media_type")), r.integer("tmdb_id"), r.string("title"),
                RequestStatus.parse(r.string("status")), parseSeasons(r.string("seasons")),
                r.string("decline_reason"), r.instant("created_at"), r.instant("updated_at"));
    }

    /**
     * The lower-cased title for search and sorting, cut to the column's 500 characters: lower-casing can make a
     * title longer (U+0130 becomes two chars), and the cut never splits a surrogate pair.
     */
    static String titleKey(String title) {
        String key = title.toLowerCase(Locale.ROOT);
        if (key.length() <= TITLE_MAX) {
            return key;
        }
        int end = Character.isHighSurrogate(key.charAt(TITLE_MAX - 1)) ? TITLE_MAX - 1 : TITLE_MAX;
        return key.substring(0, end);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String activeKeyOrNull(RequestStatus status, MediaType type, int tmdbId) {
        return status.isActive() ? type.wire() + ":" + tmdbId : null;
    }

    static String seasonsJson(List<Integer> seasons) {
        if (seasons == null || seasons.isEmpty()) {
            return null;
        }
        return seasons.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    /** The seasons column ({@code [1,2]}, as {@link #seasonsJson} writes it; spaces allowed) as a list. */
    static List<Integer> parseSeasons(String json) {
        if (json == null || json.length() < 3) {
            return List.of();
        }
        List<Integer> seasons = new ArrayList<>(4);
        int value = 0;
        boolean digits = false;
        for (int i = 1; i < json.length() - 1; i++) {
            char c = json.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits = true;
            } else if (c == ',' && digits) {
                seasons.add(value);
                value = 0;
                digits = false;
            } else if (c != ' ') {
                throw new NumberFormatException("not a season list: " + json);
            }
        }
        if (!digits) {
            throw new NumberFormatException("not a season list: " + json);
        }
        seasons.add(value);
        return List.copyOf(seasons);
    }
}
