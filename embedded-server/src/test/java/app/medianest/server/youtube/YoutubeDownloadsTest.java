package app.medianest.server.youtube;

import app.medianest.fakes.FakePlex;
import app.medianest.fakes.FakeYtDlp;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.IntegrationServer;
import app.medianest.server.testing.ManualClock;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * YouTube downloads over real HTTP with the fake yt-dlp as the subprocess: progress, the user's folder, the Plex
 * scan, cancellation of the process tree, limits, playlists, metadata and access rules. Runs on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class YoutubeDownloadsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<DbKind, TestDatabase> DATABASES = new EnumMap<>(DbKind.class);
    private static final Map<DbKind, IntegrationServer> SERVERS = new EnumMap<>(DbKind.class);
    private static final List<DownloadProgress> PROGRESS = new CopyOnWriteArrayList<>();
    private static final List<DownloadChange> CHANGES = new CopyOnWriteArrayList<>();
    private static final ManualClock CLOCK = ManualClock.now();
    private static final AtomicInteger USERS = new AtomicInteger();
    private static FakePlex plex;
    private static Path work;

    @Parameter
    DbKind kind;

    private IntegrationServer server;
    private Path downloads;

    @BeforeEach
    void server() throws IOException {
        if (work == null) {
            work = Files.createTempDirectory("medianest-youtube");
            plex = FakePlex.start();
        }
        downloads = work.resolve("downloads-" + kind.name().toLowerCase());
        server = SERVERS.computeIfAbsent(kind, k -> {
            TestDatabase db = TestDatabase.create(k);
            DATABASES.put(k, db);
            IntegrationServer s = IntegrationServer.start(db, CLOCK, Map.of("plex.url", plex.baseUrl(),
                    "plex.token", FakePlex.DEFAULT_TOKEN));
            s.integrations().addDownloadListener(new DownloadEvents() {
                @Override
                public void progress(DownloadProgress progress) {
                    PROGRESS.add(progress);
                }

                @Override
                public void statusChanged(DownloadChange change) {
                    CHANGES.add(change);
                }
            });
            return s;
        });
        CLOCK.advance(Duration.ofHours(2));
        useYtDlp("fast", Map.of(FakeYtDlp.ENV_DELAY_MS, "100", FakeYtDlp.ENV_STEPS, "10"));
    }

    @AfterEach
    void cancelWhatIsStillActive() {
        if (server == null) {
            return; // the PostgreSQL variant was skipped before its server started
        }
        var jdbc = server.http().server().components().database().jdbc();
        for (UUID id : jdbc.query("SELECT id FROM youtube_downloads WHERE status IN ('queued', 'downloading')",
                r -> r.uuid("id"))) {
            server.delete("/api/v1/youtube/downloads/" + id, server.adminToken());
        }
        IntegrationServer.await("running downloads to stop", WAIT,
                () -> jdbc.queryLong("SELECT COUNT(*) FROM youtube_downloads WHERE status = 'downloading'") == 0
                        && server.integrations().downloads().running() == 0);
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(IntegrationServer::close);
        DATABASES.values().forEach(TestDatabase::close);
        if (plex != null) {
            plex.close();
        }
    }

    @Test
    void aDownloadReportsProgressAndLandsInTheUsersFolder() throws IOException {
        Path log = work.resolve("argv-" + kind + ".log");
        useYtDlp("logged", Map.of(FakeYtDlp.ENV_DELAY_MS, "100", FakeYtDlp.ENV_LOG, log.toString()));
        String user = newUser();
        int refreshes = plex.refreshCount();
        var created = server.post("/api/v1/youtube/downloads", "{\"url\":\"https://youtu.be/dQw4w9WgXcQ?t=42\","
                + "\"quality\":\"1080p\",\"format\":\"mkv\"}", user);
        assertEquals(201, created.status(), created.body());
        assertEquals("queued", created.data().get("status").asText());
        assertEquals(0, created.data().get("progress").asInt());
        assertEquals("dQw4w9WgXcQ", created.data().get("videoId").asText());
        UUID id = UUID.fromString(created.data().get("id").asText());

        JsonNode done = awaitStatus(user, id, "completed");
        assertEquals(100, done.get("progress").asInt());
        assertEquals("Fake Video dQw4w9WgXcQ", done.get("title").asText());
        assertEquals(List.of("Fake Video dQw4w9WgXcQ [dQw4w9WgXcQ].mkv"), texts(done.get("files")));
        Path file = downloads.resolve(usernameOf(user)).resolve("Fake Video dQw4w9WgXcQ [dQw4w9WgXcQ].mkv");
        assertTrue(Files.isRegularFile(file), file + " exists");
        assertEquals(5_997_568, Files.size(file));

        List<Integer> steps = PROGRESS.stream().filter(p -> p.downloadId().equals(id))
                .map(DownloadProgress::progress).toList();
        assertTrue(steps.size() >= 3, "progress events arrived: " + steps);
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i) > steps.get(i - 1), "progress only grows: " + steps);
        }
        assertEquals(100, steps.getLast());
        List<String> statuses = CHANGES.stream().filter(c -> c.download().id().equals(id))
                .map(c -> c.download().status().wire()).distinct().toList();
        assertEquals(List.of("downloading", "completed"), statuses);
        IntegrationServer.await("a Plex library scan", WAIT, () -> plex.refreshCount() > refreshes);

        List<String> argv = FakeYtDlp.readInvocations(log).getLast();
        assertTrue(argv.containsAll(List.of("--ignore-config", "--no-update", "--newline", "--progress",
                "--no-playlist", "--merge-output-format", "mkv")), argv.toString());
        assertEquals("bv*[height<=1080]+ba/b[height<=1080]", argv.get(argv.indexOf("-f") + 1));
        assertEquals(List.of("--", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
                argv.subList(argv.size() - 2, argv.size()), "only the canonical URL, after --");
    }

    @Test
    void cancellingStopsTheProcessTreeAndRemovesPartialFiles() throws IOException {
        useYtDlp("slow", Map.of(FakeYtDlp.ENV_DELAY_MS, "300", FakeYtDlp.ENV_STEPS, "60"));
        String user = newUser();
        UUID id = submit(user, "https://www.youtube.com/watch?v=cancelMe001");
        IntegrationServer.await("the download to make progress", WAIT,
                () -> server.get("/api/v1/youtube/downloads/" + id, user).data().get("progress").asInt() > 0);
        long pid = server.integrations().downloads().pid(id).orElseThrow();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process);
        Path dir = downloads.resolve(usernameOf(user));
        assertTrue(partials(dir) > 0, "yt-dlp is writing a .part file");

        var cancelled = server.delete("/api/v1/youtube/downloads/" + id, user);
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("cancelled", cancelled.data().get("status").asText());
        IntegrationServer.await("yt-dlp and its children to exit", Duration.ofSeconds(10),
                () -> tree.stream().noneMatch(ProcessHandle::isAlive));
        IntegrationServer.await("the partial file to go", Duration.ofSeconds(10), () -> partials(dir) == 0);
        assertEquals("cancelled", server.get("/api/v1/youtube/downloads/" + id, user).data().get("status").asText());
        var again = server.delete("/api/v1/youtube/downloads/" + id, user);
        assertEquals(409, again.status());
        assertEquals("INVALID_STATE", again.errorCode());
    }

    @Test
    void theSixthDownloadWithinAnHourIs429WithRetryAfter() {
        String user = newUser();
        for (int i = 1; i <= 5; i++) {
            submit(user, "https://youtu.be/limitVideo" + i);
        }
        CLOCK.advance(Duration.ofMinutes(10));
        var sixth = server.post("/api/v1/youtube/downloads", "{\"url\":\"https://youtu.be/limitVideo6\"}", user);
        assertEquals(429, sixth.status(), sixth.body());
        assertEquals("RATE_LIMITED", sixth.errorCode());
        long retryAfter = Long.parseLong(sixth.header("Retry-After"));
        assertTrue(retryAfter > 49 * 60 && retryAfter <= 50 * 60 + 1, "about 50 minutes: " + retryAfter);
        CLOCK.advance(Duration.ofSeconds(retryAfter));
        assertEquals(201, server.post("/api/v1/youtube/downloads", "{\"url\":\"https://youtu.be/limitVideo6\"}",
                user).status());
    }

    @Test
    void theSameVideoTwiceIs409ButAnotherUserMayQueueIt() {
        useYtDlp("slow", Map.of(FakeYtDlp.ENV_DELAY_MS, "300", FakeYtDlp.ENV_STEPS, "60"));
        String alice = newUser();
        String bob = newUser();
        UUID first = submit(alice, "https://www.youtube.com/watch?v=sameVideo01");
        var twice = server.post("/api/v1/youtube/downloads",
                "{\"url\":\"https://youtu.be/sameVideo01\"}", alice);
        assertEquals(409, twice.status(), twice.body());
        assertEquals("ALREADY_QUEUED", twice.errorCode());
        UUID other = submit(bob, "https://youtu.be/sameVideo01");
        assertEquals(200, server.delete("/api/v1/youtube/downloads/" + first, alice).status());
        assertEquals(200, server.delete("/api/v1/youtube/downloads/" + other, bob).status());
        submit(alice, "https://youtu.be/sameVideo01");
    }

    @Test
    void atMostTwoDownloadsRunAtOnce() {
        useYtDlp("slow", Map.of(FakeYtDlp.ENV_DELAY_MS, "300", FakeYtDlp.ENV_STEPS, "60"));
        String user = newUser();
        List<UUID> ids = List.of(submit(user, "https://youtu.be/parallel001"),
                submit(user, "https://youtu.be/parallel002"), submit(user, "https://youtu.be/parallel003"));
        IntegrationServer.await("two downloads running", WAIT, () -> count(user, ids, "downloading") == 2);
        assertEquals(1, count(user, ids, "queued"));
        ids.forEach(id -> server.delete("/api/v1/youtube/downloads/" + id, user));
        IntegrationServer.await("all cancelled", WAIT, () -> count(user, ids, "cancelled") == 3);
    }

    @Test
    void aPlaylistUrlQueuesThePlaylist() {
        String user = newUser();
        var r = server.post("/api/v1/youtube/downloads",
                "{\"url\":\"https://www.youtube.com/playlist?list=PLfakeList1\"}", user);
        assertEquals(201, r.status(), r.body());
        assertEquals("PLfakeList1", r.data().get("playlistId").asText());
        assertTrue(r.data().get("videoId").isNull());
        JsonNode done = awaitStatus(user, UUID.fromString(r.data().get("id").asText()), "completed");
        assertEquals("Fake Playlist PLfakeList1", done.get("title").asText());
        assertEquals(3, done.get("files").size());
    }

    @Test
    void onlyYoutubeUrlsAndKnownOptionsAreAccepted() {
        String user = newUser();
        for (String url : List.of("https://vimeo.com/12345", "not a url", "https://www.youtube.com/feed/trending",
                "ftp://youtube.com/watch?v=abc", "https://youtube.com.evil.example/watch?v=abc")) {
            var r = server.post("/api/v1/youtube/downloads", "{\"url\":\"" + url + "\"}", user);
            assertEquals(400, r.status(), url + " -> " + r.body());
            assertTrue(r.json().at("/error/details").has("url"), r.body());
        }
        assertTrue(server.post("/api/v1/youtube/downloads", "{\"url\":\"https://youtu.be/abc\",\"quality\":\"4k\"}",
                user).json().at("/error/details").has("quality"));
        assertTrue(server.post("/api/v1/youtube/downloads", "{\"url\":\"https://youtu.be/abc\",\"format\":\"avi\"}",
                user).json().at("/error/details").has("format"));
        assertEquals(400, server.post("/api/v1/youtube/downloads", "{}", user).status());
    }

    @Test
    void downloadsAreVisibleToTheirOwnerAndAdminsOnly() {
        String owner = newUser();
        String other = newUser();
        UUID a = submit(owner, "https://youtu.be/visible0001");
        CLOCK.advance(Duration.ofSeconds(1));
        UUID b = submit(owner, "https://youtu.be/visible0002");
        CLOCK.advance(Duration.ofSeconds(1));
        UUID c = submit(owner, "https://youtu.be/visible0003");
        assertEquals(403, server.get("/api/v1/youtube/downloads/" + a, other).status());
        assertEquals(403, server.delete("/api/v1/youtube/downloads/" + a, other).status());
        assertEquals(200, server.get("/api/v1/youtube/downloads/" + a, server.adminToken()).status());
        assertEquals(404, server.get("/api/v1/youtube/downloads/" + UUID.randomUUID(), owner).status());
        assertEquals(404, server.get("/api/v1/youtube/downloads/not-a-uuid", owner).status());
        assertEquals(0, server.get("/api/v1/youtube/downloads", other).data().size());

        var page1 = server.get("/api/v1/youtube/downloads?limit=2", owner);
        assertEquals(2, page1.data().size());
        String cursor = page1.json().at("/meta/nextCursor").asText();
        var page2 = server.get("/api/v1/youtube/downloads?limit=2&cursor=" + cursor, owner);
        assertEquals(1, page2.data().size());
        assertTrue(page2.json().at("/meta/nextCursor").isNull());
        List<String> all = new ArrayList<>();
        page1.data().forEach(d -> all.add(d.get("id").asText()));
        page2.data().forEach(d -> all.add(d.get("id").asText()));
        assertEquals(List.of(c.toString(), b.toString(), a.toString()), all, "newest first");
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/youtube/downloads?status=paused", owner).errorCode());
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/youtube/downloads?cursor=bogus", owner).errorCode());
        awaitStatus(owner, a, "completed");
        assertTrue(server.get("/api/v1/youtube/downloads?status=completed", owner).data().size() >= 1);
    }

    @Test
    void metadataOfAVideoAndOfAPlaylist() {
        String user = newUser();
        var video = server.get("/api/v1/youtube/metadata?url=https://youtu.be/meta0000001", user);
        assertEquals(200, video.status(), video.body());
        JsonNode m = video.data();
        assertEquals("meta0000001", m.get("videoId").asText());
        assertEquals("Fake Video meta0000001", m.get("title").asText());
        assertEquals("MediaNest Demo", m.get("channel").asText());
        assertEquals(213, m.get("duration").asInt());
        assertEquals("2024-05-01", m.get("uploadDate").asText());
        assertTrue(m.get("thumbnail").asText().startsWith("https://"));
        var list = server.get("/api/v1/youtube/metadata?url=https://www.youtube.com/playlist?list=PLmeta", user);
        assertEquals(3, list.data().get("entryCount").asInt(), list.body());
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/youtube/metadata?url=https://vimeo.com/1", user)
                .errorCode());
        useYtDlp("broken", Map.of(FakeYtDlp.ENV_FAIL, "1", FakeYtDlp.ENV_DELAY_MS, "10"));
        assertEquals(404, server.get("/api/v1/youtube/metadata?url=https://youtu.be/gone0000001", user).status());
    }

    private void useYtDlp(String name, Map<String, String> env) {
        Path exe = FakeYtDlpWrapper.create(work, kind + "-" + name, env);
        var r = server.put("/api/v1/admin/services/youtube", "{\"enabled\":true,\"settings\":{\"ytdlpPath\":\""
                + exe + "\",\"downloadDir\":\"" + downloads + "\"}}", server.adminToken());
        assertEquals(200, r.status(), r.body());
    }

    private String newUser() {
        return server.newUser("tuber" + USERS.incrementAndGet() + kind.name().toLowerCase());
    }

    private String usernameOf(String token) {
        return server.get("/api/v1/auth/session", token).data().at("/user/username").asText();
    }

    private UUID submit(String token, String url) {
        TestServer.Res r = server.post("/api/v1/youtube/downloads", "{\"url\":\"" + url + "\"}", token);
        assertEquals(201, r.status(), r.body());
        return UUID.fromString(r.data().get("id").asText());
    }

    private JsonNode awaitStatus(String token, UUID id, String status) {
        JsonNode[] last = new JsonNode[1];
        IntegrationServer.await("download " + id + " to be " + status, WAIT, () -> {
            last[0] = server.get("/api/v1/youtube/downloads/" + id, token).data();
            assertFalse(last[0].get("status").asText().equals("failed"), "failed: " + last[0]);
            return last[0].get("status").asText().equals(status);
        });
        return last[0];
    }

    private long count(String token, List<UUID> ids, String status) {
        return ids.stream().filter(id -> server.get("/api/v1/youtube/downloads/" + id, token).data().get("status")
                .asText().equals(status)).count();
    }

    private static long partials(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
