package app.medianest.server.durability;

import app.medianest.server.testing.ServerProcess;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The crash check: the headless server as a child JVM, {@code writers} concurrent clients creating media
 * requests over real HTTP, {@code kill -9} at a random moment, a restart, and every request that was answered
 * 201 looked up on the restarted server. Prints one line per round ("lost: N") and the totals.
 *
 * <p>Run it with {@code bench/crash-check.sh} (20 rounds on H2 and 5 on PostgreSQL by default);
 * {@code CrashCheckTest} runs a short form in the build.
 */
public final class CrashCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "crash-admin";
    private static final String PASSWORD = "crash check password 1";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final PrintStream out;
    private final Random random;
    private final int writers;

    /** The outcome of a run: rounds, acknowledged writes and how many of them were missing after restart. */
    public record Totals(String database, int rounds, long acknowledged, long lost) {
    }

    public CrashCheck(PrintStream out, long seed, int writers) {
        this.out = out;
        this.random = new Random(seed);
        this.writers = writers;
    }

    public static void main(String[] args) throws Exception {
        int h2Rounds = 20;
        int pgRounds = 5;
        int writers = 8;
        long seed = System.nanoTime();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--h2-rounds" -> h2Rounds = Integer.parseInt(args[++i]);
                case "--pg-rounds" -> pgRounds = Integer.parseInt(args[++i]);
                case "--writers" -> writers = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--h2-rounds N --pg-rounds N --writers N --seed N)");
            }
        }
        System.out.println("crash check: seed " + seed + ", " + writers + " writers");
        CrashCheck check = new CrashCheck(System.out, seed, writers);
        List<Totals> all = new ArrayList<>();
        Path work = Files.createTempDirectory("medianest-crash");
        if (h2Rounds > 0) {
            all.add(check.runH2(work.resolve("h2"), h2Rounds));
        }
        if (pgRounds > 0) {
            String pg = System.getenv("MEDIANEST_TEST_PG_URL");
            if (pg == null || pg.isBlank()) {
                System.out.println("PostgreSQL: skipped (set MEDIANEST_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/test)");
            } else {
                all.add(check.runPostgres(work.resolve("pg"), pgRounds, pg,
                        System.getenv().getOrDefault("MEDIANEST_TEST_PG_USER", "postgres"),
                        System.getenv().getOrDefault("MEDIANEST_TEST_PG_PASSWORD", "")));
            }
        }
        long lost = all.stream().mapToLong(Totals::lost).sum();
        for (Totals t : all) {
            System.out.println("total " + t.database() + ": " + t.rounds() + " rounds, " + t.acknowledged()
                    + " acknowledged, lost: " + t.lost());
        }
        System.out.println("total: lost: " + lost);
        System.exit(lost == 0 ? 0 : 1);
    }

    /** {@code rounds} kill -9 rounds on one H2 file in {@code dataDir}. */
    public Totals runH2(Path dataDir, int rounds) throws Exception {
        Files.createDirectories(dataDir);
        return run("h2", env(dataDir), rounds);
    }

    /** {@code rounds} kill -9 rounds on a fresh schema of the PostgreSQL database at {@code baseUrl} (dropped after). */
    public Totals runPostgres(Path dataDir, int rounds, String baseUrl, String user, String password) throws Exception {
        Files.createDirectories(dataDir);
        String schema = "mn_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        try {
            Map<String, String> env = env(dataDir);
            env.put("MEDIANEST_DB_URL", baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            env.put("MEDIANEST_DB_USER", user);
            env.put("MEDIANEST_DB_PASSWORD", password);
            return run("postgresql", env, rounds);
        } finally {
            try (Connection c = DriverManager.getConnection(baseUrl, user, password);
                 Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                out.println("could not drop " + schema + ": " + e.getMessage());
            }
        }
    }

    private static Map<String, String> env(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("MEDIANEST_DATA_DIR", dataDir.toString());
        env.put("MEDIANEST_HOST", "127.0.0.1");
        env.put("MEDIANEST_PORT", "0");
        env.put("MEDIANEST_ADMIN_USERNAME", ADMIN);
        env.put("MEDIANEST_ADMIN_PASSWORD", PASSWORD);
        return env;
    }

    private Totals run(String database, Map<String, String> env, int rounds) throws Exception {
        long acknowledged = 0;
        long lost = 0;
        AtomicInteger tmdb = new AtomicInteger(1);
        List<String> previous = null;
        // Each start first checks the previous round's writes (it is that round's restart), then is killed in turn.
        for (int round = 1; round <= rounds + 1; round++) {
            try (ServerProcess p = ServerProcess.start(env)) {
                String base = "http://127.0.0.1:" + p.awaitPort(Duration.ofSeconds(120));
                String token = login(base);
                if (previous != null) {
                    long missing = missing(base, token, previous);
                    acknowledged += previous.size();
                    lost += missing;
                    long finished = p.stdout().stream().filter(l -> l.contains("H2: finished")).count();
                    out.println(database + " round " + (round - 1) + ": acknowledged " + previous.size()
                            + ", lost: " + missing + (finished > 0 ? " (the restart finished a commit the kill"
                            + " had cut in half)" : ""));
                }
                if (round > rounds) {
                    p.terminate();
                    int code = p.awaitExit(Duration.ofSeconds(60));
                    if (code != 0 && code != 143) {
                        throw new IllegalStateException("server exited with " + code + " after SIGTERM: "
                                + p.stderr());
                    }
                    break;
                }
                previous = writeAndKill(p, base, token, tmdb);
            }
        }
        return new Totals(database, rounds, acknowledged, lost);
    }

    /** Runs the writers against the server and kills it at a random moment; returns the ids answered 201. */
    private List<String> writeAndKill(ServerProcess p, String base, String token, AtomicInteger tmdb)
            throws Exception {
        ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong unexpected = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                while (!stop.get()) {
                    int id = tmdb.getAndIncrement();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                                        + "/api/v1/media/requests")).timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"mediaType\":\"movie\",\"tmdbId\":"
                                        + id + ",\"title\":\"Crash " + id + "\"}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            acked.add(JSON.readTree(r.body()).at("/data/id").asText());
                        } else {
                            unexpected.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        return; // the server is gone
                    }
                }
            }));
        }
        // Killed at a random moment once the writers are going: between 0.3 and 2.3 s into the writing.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acked.size() < writers && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        Thread.sleep(300 + random.nextInt(2_000));
        p.kill9();
        p.awaitExit(Duration.ofSeconds(30));
        stop.set(true);
        for (Thread t : threads) {
            t.join(35_000);
        }
        if (unexpected.get() > 0) {
            out.println("  (" + unexpected.get() + " answers other than 201 before the kill)");
        }
        return new ArrayList<>(acked);
    }

    /** How many of {@code acked} the (restarted) server does not know. */
    private long missing(String base, String token, List<String> acked) throws Exception {
        AtomicLong missing = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i; (i = next.getAndIncrement()) < acked.size(); ) {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                                        + "/api/v1/media/requests/" + acked.get(i)))
                                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 404) {
                            missing.incrementAndGet();
                        } else if (r.statusCode() != 200) {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("lookups failed after restart: "
                    + failures.subList(0, Math.min(5, failures.size())));
        }
        return missing.get();
    }

    private String login(String base) throws Exception {
        // A restarted server that cannot sign in within 30 s fails the round (a hang is a finding, not a wait).
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + ADMIN + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).at("/data/token").asText();
    }
}
