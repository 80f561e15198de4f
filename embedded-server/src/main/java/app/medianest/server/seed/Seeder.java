package app.medianest.server.seed;

import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.model.Role;
import app.medianest.model.ServiceState;
import app.medianest.model.ServiceStatusView;
import app.medianest.model.UserStatus;
import app.medianest.server.auth.PasswordHasher;
import app.medianest.server.db.Handle;
import app.medianest.server.db.Jdbc;
import app.medianest.server.requests.MediaRequestRepository;
import app.medianest.server.requests.NewMediaRequest;
import app.medianest.server.status.ServiceStatusRepository;
import app.medianest.server.users.User;
import app.medianest.server.users.UserRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Synthetic but realistic data for demos and benchmarks: users with a few heavy requesters, requests of
 * every status and type spread over two years, YouTube downloads, notifications and service statuses.
 * Rows go in JDBC batches of {@value #BATCH} per transaction.
 *
 * <p>Requests are made oldest first, each with a time-ordered id (a version 7 UUID of its creation time): the
 * primary key and the indexes that lead with the creation time or the status then grow at their ends instead
 * of at random places, so each store of the database writes a few pages per index rather than one per row (on
 * H2 this makes seeding a million requests several times faster; PostgreSQL's B-trees gain the same way).
 */
public final class Seeder {
    static final int BATCH = 10_000;
    /** From this many requests on, the randomly ordered request indexes are built after the load (BulkIndexes). */
    static final int BULK = 10_000;
    private static final String[] FIRST = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan",
        "judy", "mallory", "nina", "oscar", "peggy", "quinn", "rupert", "sybil", "trent", "ursula", "victor",
        "wendy", "xavier", "yara", "zoe", "amir", "bea", "chen", "dmitri", "elif", "femi", "gus", "hana", "ines"};
    private static final String[] LAST = {"smith", "jones", "garcia", "muller", "rossi", "kim", "nguyen", "okafor",
        "silva", "novak", "larsen", "tanaka", "cohen", "dubois", "kowalski", "haddad", "murphy", "singh"};
    private static final String[] ADJ = {"Silent", "Crimson", "Last", "Hidden", "Midnight", "Broken", "Golden",
        "Frozen", "Electric", "Lost", "Wild", "Iron", "Quiet", "Burning", "Paper", "Hollow", "Distant", "Velvet",
        "Northern", "Secret", "Neon", "Savage", "Glass", "Endless", "Little", "Dark"};
    private static final String[] NOUN = {"River", "Protocol", "Kingdom", "Horizon", "Garden", "Signal", "Empire",
        "Harbor", "Witness", "Frontier", "Machine", "Orchard", "Voyage", "Mirror", "Citadel", "Storm", "Letters",
        "Station", "Crown", "Summer", "Shadows", "Orbit", "Island", "Detective", "Heist", "Symphony"};
    private static final String[] SUFFIX = {"", "", "", "", " II", " III", ": Origins", ": Reckoning", " Returns",
        " (Director's Cut)", " Rising", ": The Series", " & Co.", " – Été", " 東京"};

    private final Jdbc jdbc;
    private final Clock clock;

    public Seeder(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts of what was inserted. */
    public record Result(int users, int requests, int downloads, int notifications) {
    }

    public Result seed(SeedPlan plan) {
        long existing = jdbc.queryLong("SELECT COUNT(*) AS n FROM users")
                + jdbc.queryLong("SELECT COUNT(*) AS n FROM media_requests");
        if (existing > 0 && !plan.append()) {
            throw new IllegalArgumentException("seed: the database already has data; pass --append to add to it");
        }
        SplittableRandom rnd = new SplittableRandom(plan.randomSeed() ^ existing);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<UUID> userIds = seedUsers(plan, rnd, now, existing);
        int requests = seedRequests(plan.requests(), userIds, rnd, now);
        int downloads = seedDownloads(plan.downloads(), userIds, rnd, now);
        int notifications = seedNotifications(userIds, rnd, now);
        seedServiceStatus(rnd, now);
        return new Result(userIds.size(), requests, downloads, notifications);
    }

    private List<UUID> seedUsers(SeedPlan plan, SplittableRandom rnd, Instant now, long offset) {
        String hash = plan.password() == null ? null : new PasswordHasher().hash(plan.password());
        List<User> batch = new ArrayList<>();
        List<UUID> ids = new ArrayList<>(plan.users());
        UserRepository repo = new UserRepository(jdbc);
        long base = jdbc.queryLong("SELECT COUNT(*) AS n FROM users") + offset;
        for (int i = 0; i < plan.users(); i++) {
            String first = FIRST[rnd.nextInt(FIRST.length)];
            String last = LAST[rnd.nextInt(LAST.length)];
            String name = first + "." + last + (base + i + 1);
            Instant created = now.minus(Duration.ofMinutes(rnd.nextLong(2L * 365 * 24 * 60)));
            Role role = i % 97 == 0 ? Role.ADMIN : Role.USER;
            UserStatus status = rnd.nextInt(50) == 0 ? UserStatus.SUSPENDED : UserStatus.ACTIVE;
            boolean plex = rnd.nextInt(3) == 0;
            User u = new User(UUID.randomUUID(), name, name + "@example.home", role, status, hash,
                    plex ? "seed-" + UUID.randomUUID() : null, plex ? first + last : null, created, created, null);
            batch.add(u);
            ids.add(u.id());
            if (batch.size() == BATCH) {
                flushUsers(repo, batch);
            }
        }
        flushUsers(repo, batch);
        return ids;
    }

    private void flushUsers(UserRepository repo, List<User> batch) {
        if (!batch.isEmpty()) {
            List<User> copy = List.copyOf(batch);
            jdbc.inTransaction(h -> repo.insertBatch(h, copy));
            batch.clear();
        }
    }

    private int seedRequests(int count, List<UUID> users, SplittableRandom rnd, Instant now) {
        MediaRequestRepository repo = new MediaRequestRepository(jdbc);
        // Active requests need distinct media: draw TMDB ids from a fresh range for this run.
        int tmdbBase = (int) (jdbc.queryLong("SELECT COALESCE(MAX(tmdb_id), 0) AS n FROM media_requests") + 1);
        int heavy = Math.max(1, users.size() / 20);
        long span = 2L * 365 * 24 * 3600 * 1_000_000;   // two years in microseconds, spread evenly, oldest first
        long start = ChronoUnit.MICROS.between(Instant.EPOCH, now) - span;
        BulkIndexes suspended = count >= BULK ? BulkIndexes.suspend(jdbc) : null;
        try {
            List<NewMediaRequest> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < count; i++) {
                // 40% of requests come from the heaviest 5% of users.
                UUID owner = rnd.nextInt(100) < 40 ? users.get(rnd.nextInt(heavy))
                        : users.get(rnd.nextInt(users.size()));
                RequestStatus status = pickStatus(rnd);
                MediaType type = rnd.nextInt(100) < 65 ? MediaType.MOVIE : MediaType.TV;
                int tmdb = status.isActive() || i == 0 ? tmdbBase + i : tmdbBase + rnd.nextInt(i);
                long micros = start + (long) ((i + rnd.nextDouble()) * span / count);
                Instant created = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
                List<Integer> seasons = type == MediaType.TV ? seasons(rnd) : List.of();
                batch.add(new NewMediaRequest(timeOrderedId(created, rnd), owner, type, tmdb, title(rnd), status,
                        seasons, status == RequestStatus.DECLINED ? "Not available in our region" : null, created));
                if (batch.size() == BATCH || i == count - 1) {
                    List<NewMediaRequest> copy = List.copyOf(batch);
                    jdbc.inTransaction(h -> repo.insertBatch(h, copy));
                    batch.clear();
                }
            }
        } finally {
            if (suspended != null) {
                suspended.restore();
            }
        }
        return count;
    }

    /** A version 7 UUID (RFC 9562): the millisecond of {@code at}, then random bits. */
    static UUID timeOrderedId(Instant at, SplittableRandom rnd) {
        long msb = (at.toEpochMilli() << 16) | 0x7000L | (rnd.nextInt() & 0x0FFFL);
        long lsb = (rnd.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    private static RequestStatus pickStatus(SplittableRandom rnd) {
        int p = rnd.nextInt(100);
        if (p < 15) {
            return RequestStatus.PENDING;
        }
        if (p < 35) {
            return RequestStatus.APPROVED;
        }
        if (p < 85) {
            return RequestStatus.AVAILABLE;
        }
        return p < 95 ? RequestStatus.DECLINED : RequestStatus.FAILED;
    }

    private static List<Integer> seasons(SplittableRandom rnd) {
        int n = 1 + rnd.nextInt(4);
        int start = 1 + rnd.nextInt(3);
        List<Integer> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add(start + i);
        }
        return s;
    }

    static String title(SplittableRandom rnd) {
        String t = (rnd.nextInt(3) == 0 ? "The " : "") + ADJ[rnd.nextInt(ADJ.length)] + " "
                + NOUN[rnd.nextInt(NOUN.length)] + SUFFIX[rnd.nextInt(SUFFIX.length)];
        return rnd.nextInt(10) == 0 ? t + " " + (1970 + rnd.nextInt(56)) : t;
    }

    private int seedDownloads(int count, List<UUID> users, SplittableRandom rnd, Instant now) {
        String sql = "INSERT INTO youtube_downloads (id, user_id, url, video_id, title, quality, format, status, "
                + "active_key, progress, files, error, created_at, updated_at, completed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        String[] statuses = {"completed", "completed", "completed", "failed", "cancelled"};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String video = videoId(rnd);
            String status = statuses[rnd.nextInt(statuses.length)];
            Instant created = now.minus(Duration.ofMinutes(rnd.nextLong(365L * 24 * 60)));
            rows.add(new Object[] {UUID.randomUUID(), users.get(rnd.nextInt(users.size())),
                "https://www.youtube.com/watch?v=" + video, video, title(rnd) + " (official video)", "1080p", "mp4",
                status, null, "completed".equals(status) ? 100 : rnd.nextInt(100),
                "completed".equals(status) ? "[\"" + video + ".mp4\"]" : null,
                "failed".equals(status) ? "yt-dlp exited with status 1" : null, created, created,
                "completed".equals(status) ? created.plusSeconds(90) : null});
            if (rows.size() == BATCH) {
                List<Object[]> copy = List.copyOf(rows);
                jdbc.inTransaction(h -> h.batch(sql, copy));
                rows.clear();
            }
        }
        jdbc.inTransaction(h -> h.batch(sql, rows));
        return count;
    }

    private static String videoId(SplittableRandom rnd) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder b = new StringBuilder(11);
        for (int i = 0; i < 11; i++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private int seedNotifications(List<UUID> users, SplittableRandom rnd, Instant now) {
        String sql = "INSERT INTO notifications (id, user_id, type, title, message, data, read_at, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        List<Object[]> rows = new ArrayList<>();
        int total = 0;
        for (UUID user : users.subList(0, Math.min(users.size(), 2_000))) {
            for (int i = 0, n = rnd.nextInt(4); i < n; i++) {
                Instant at = now.minus(Duration.ofHours(rnd.nextLong(24L * 60)));
                rows.add(new Object[] {UUID.randomUUID(), user, "request.available", "Now available",
                    title(rnd) + " is now available on Plex", null, rnd.nextBoolean() ? at.plusSeconds(60) : null, at});
            }
            if (rows.size() >= BATCH) {
                total += insertRows(sql, rows);
            }
        }
        return total + insertRows(sql, rows);
    }

    private int insertRows(String sql, List<Object[]> rows) {
        List<Object[]> copy = List.copyOf(rows);
        rows.clear();
        jdbc.inTransaction((Handle h) -> h.batch(sql, copy));
        return copy.size();
    }

    private void seedServiceStatus(SplittableRandom rnd, Instant now) {
        List<ServiceStatusView> statuses = new ArrayList<>();
        String[][] services = {{"plex", "Plex Media Server"}, {"overseerr", "Overseerr"},
            {"uptime-kuma", "Uptime Kuma"}, {"youtube", "YouTube downloader"}};
        for (String[] s : services) {
            boolean up = rnd.nextInt(10) > 0;
            statuses.add(new ServiceStatusView(s[0], s[1], up ? ServiceState.UP : ServiceState.DOWN,
                    up ? 20 + rnd.nextInt(200) : null, 99.0 + rnd.nextInt(100) / 100.0, 98.0 + rnd.nextInt(200) / 100.0,
                    now, up ? "OK" : "Connection refused"));
        }
        new ServiceStatusRepository(jdbc).upsertAll(statuses);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
