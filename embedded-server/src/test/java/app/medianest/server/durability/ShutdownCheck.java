package app.medianest.server.durability;

import app.medianest.fakes.FakeYtDlp;
import app.medianest.server.testing.ServerProcess;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The shutdown check: the headless server in a child JVM with an Overseerr that accepts connections and never
 * answers (requests waiting in the outbox), a YouTube download running, and clients writing and reading; then
 * SIGTERM. Each round checks that the process exited within the grace period plus 5 s, that its output and log
 * files show no {@code ClosedByInterruptException} or closed-database error, and that the next start is clean
 * (ready, and every acknowledged request there). {@code bench/shutdown-check.sh} runs 20 rounds.
 */
public final class ShutdownCheck implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "stop-admin";
    private static final String PASSWORD = "shutdown check password 1";
    private static final Duration GRACE = Duration.ofSeconds(3);
    private static final List<String> FORBIDDEN = List.of("ClosedByInterruptException", "database has been closed",
            "Database is already closed", "halting");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final PrintStream out;
    private final ServerSocket silentOverseerr;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Path ytDlp;
    private final AtomicInteger tmdb = new AtomicInteger(1);

    /** One round's outcome. */
    public record Round(long exitMillis, int exitCode, List<String> forbiddenLines, boolean restartClean,
                        int acknowledged, int missing, boolean downloadWasRunning) {
        public boolean ok() {
            return exitMillis <= GRACE.plusSeconds(5).toMillis() && forbiddenLines.isEmpty() && restartClean
                    && missing == 0 && downloadWasRunning;
        }
    }

    public ShutdownCheck(PrintStream out, Path work) throws IOException {
        this.out = out;
        this.silentOverseerr = new ServerSocket(0);
        Thread.ofPlatform().daemon().start(() -> {
            while (!silentOverseerr.isClosed()) {
                try {
                    held.add(silentOverseerr.accept());   // accepted, never answered
                } catch (IOException e) {
                    return;
                }
            }
        });
        this.ytDlp = FakeYtDlp.install(work.resolve("bin"));
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 20;
        Path work = Files.createTempDirectory("medianest-shutdown");
        int failed = 0;
        try (ShutdownCheck check = new ShutdownCheck(System.out, work)) {
            for (int i = 1; i <= rounds; i++) {
                Round r = check.round(work.resolve("data"), i);
                if (!r.ok()) {
                    failed++;
                }
            }
        }
        System.out.println("total: " + rounds + " rounds, failed: " + failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    Map<String, String> env(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("MEDIANEST_DATA_DIR", dataDir.toString());
        env.put("MEDIANEST_HOST", "127.0.0.1");
        env.put("MEDIANEST_PORT", "0");
        env.put("MEDIANEST_ADMIN_USERNAME", ADMIN);
        env.put("MEDIANEST_ADMIN_PASSWORD", PASSWORD);
        env.put("MEDIANEST_SHUTDOWN_GRACE", GRACE.toSeconds() + "s");
        env.put("MEDIANEST_OVERSEERR_URL", "http://127.0.0.1:" + silentOverseerr.getLocalPort() + "/api/v1");
        env.put("MEDIANEST_OVERSEERR_API_KEY", "shutdown-check-key");
        env.put("MEDIANEST_OVERSEERR_OUTBOX_INTERVAL", "200ms");
        env.put("MEDIANEST_YTDLP_PATH", ytDlp.toString());
        env.put("MEDIANEST_DOWNLOAD_DIR", dataDir.resolve("downloads").toString());
        env.put("MEDIANEST_YOUTUBE_CONCURRENCY", "4");
        env.put("MEDIANEST_YOUTUBE_HOURLY_LIMIT", "1000");   // one download per round, 20 rounds within the hour
        env.put(FakeYtDlp.ENV_DELAY_MS, "1500");
        return env;
    }

    /** One SIGTERM round on the database in {@code dataDir} (kept between rounds). */
    public Round round(Path dataDir, int number) throws Exception {
        Files.createDirectories(dataDir);
        Map<String, String> env = env(dataDir);
        ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        long exitMillis;
        int code;
        boolean downloading;
        String downloadId;
        List<String> output = new ArrayList<>();
        try (ServerProcess p = ServerProcess.start(env)) {
            String base = "http://127.0.0.1:" + p.awaitPort(Duration.ofSeconds(120));
            String token = login(base);
            for (int i = 0; i < 10; i++) {
                create(base, token, acked);   // a backlog for the silent Overseerr
            }
            HttpResponse<String> dl = post(base, token, "/api/v1/youtube/downloads",
                    "{\"url\":\"https://www.youtube.com/watch?v=dQw4w9WgXc" + (char) ('A' + number % 26) + "\"}");
            if (dl.statusCode() != 201) {
                throw new IllegalStateException("download not accepted: " + dl.statusCode() + " " + dl.body());
            }
            downloadId = JSON.readTree(dl.body()).at("/data/id").asText();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> load = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                boolean writer = w % 2 == 0;
                load.add(Thread.ofPlatform().daemon().start(() -> {
                    while (!stop.get()) {
                        try {
                            if (writer) {
                                create(base, token, acked);
                            } else {
                                http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/media/requests?limit=20"))
                                        .header("Authorization", "Bearer " + token).build(),
                                        HttpResponse.BodyHandlers.discarding());
                            }
                        } catch (IOException | InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            Thread.sleep(1_500);
            downloading = status(base, token, downloadId).equals("downloading");
            long start = System.nanoTime();
            p.terminate();
            code = p.awaitExit(GRACE.plusSeconds(30));
            exitMillis = (System.nanoTime() - start) / 1_000_000;
            stop.set(true);
            for (Thread t : load) {
                t.join(10_000);
            }
            output.addAll(p.stdout());
            output.addAll(p.stderr());
        }
        try (Stream<Path> logs = Files.list(dataDir.resolve("logs"))) {
            for (Path log : logs.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                output.addAll(Files.readAllLines(log));
            }
        }
        List<String> bad = output.stream().filter(l -> FORBIDDEN.stream().anyMatch(l::contains)).distinct().toList();
        // Log files are kept across rounds: clear them so the next round judges only its own run.
        try (Stream<Path> logs = Files.list(dataDir.resolve("logs"))) {
            for (Path log : logs.toList()) {
                Files.writeString(log, "");
            }
        }
        boolean clean;
        int missing = 0;
        try (ServerProcess again = ServerProcess.start(env)) {
            String base = "http://127.0.0.1:" + again.awaitPort(Duration.ofSeconds(120));
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = login(base);
            // The interrupted download was queued again at this start; cancel it so rounds do not pile up.
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/youtube/downloads/" + downloadId))
                    .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            for (String id : acked) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/media/requests/"
                        + id)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    missing++;
                }
            }
            clean = ready.statusCode() == 200 && again.stderr().stream().noneMatch(l -> l.contains("SEVERE"));
            again.terminate();
            again.awaitExit(GRACE.plusSeconds(30));
        }
        Round r = new Round(exitMillis, code, bad, clean, acked.size(), missing, downloading);
        out.println("round " + number + ": exit " + code + " after " + exitMillis + " ms (limit "
                + GRACE.plusSeconds(5).toMillis() + "), download running: " + downloading + ", forbidden log lines: "
                + bad.size() + (bad.isEmpty() ? "" : " " + bad.subList(0, Math.min(3, bad.size())))
                + ", restart clean: " + clean + ", acknowledged " + acked.size() + ", lost: " + missing);
        return r;
    }

    private void create(String base, String token, ConcurrentLinkedQueue<String> acked)
            throws IOException, InterruptedException {
        int id = tmdb.getAndIncrement();
        HttpResponse<String> r = post(base, token, "/api/v1/media/requests",
                "{\"mediaType\":\"movie\",\"tmdbId\":" + id + ",\"title\":\"Stop " + id + "\"}");
        if (r.statusCode() == 201) {
            acked.add(JSON.readTree(r.body()).at("/data/id").asText());
        }
    }

    private String status(String base, String token, String downloadId) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/youtube/downloads"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        for (var d : JSON.readTree(r.body()).path("data")) {
            if (d.path("id").asText().equals(downloadId)) {
                return d.path("status").asText();
            }
        }
        return "absent";
    }

    private HttpResponse<String> post(String base, String token, String path, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login(String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + ADMIN + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).at("/data/token").asText();
    }

    @Override
    public void close() throws IOException {
        silentOverseerr.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
