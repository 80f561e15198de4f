package app.medianest.server.youtube;

import app.medianest.fakes.FakeYtDlp;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.IntegrationServer;
import app.medianest.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server stopped in the middle of a download queues it again when it starts, and the download completes. */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class DownloadRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Parameter
    DbKind kind;

    @TempDir
    Path work;

    @Test
    void aRestartMidDownloadQueuesItAgain() throws Exception {
        Path log = work.resolve("argv.log");
        Path exe = FakeYtDlpWrapper.create(work, "restart", Map.of(FakeYtDlp.ENV_DELAY_MS, "150",
                FakeYtDlp.ENV_STEPS, "20", FakeYtDlp.ENV_LOG, log.toString()));
        Path downloads = work.resolve("downloads");
        try (TestDatabase db = TestDatabase.create(kind)) {
            UUID id;
            String userPassword = "restarter-password-1";
            List<ProcessHandle> tree = new ArrayList<>();
            try (IntegrationServer first = IntegrationServer.start(db, Clock.systemUTC(), Map.of())) {
                var put = first.put("/api/v1/admin/services/youtube", "{\"enabled\":true,\"settings\":{\"ytdlpPath\":\""
                        + exe + "\",\"downloadDir\":\"" + downloads + "\"}}", first.adminToken());
                assertEquals(200, put.status(), put.body());
                String user = first.newUser("restarter");
                var created = first.post("/api/v1/youtube/downloads", "{\"url\":\"https://youtu.be/restart0001\"}",
                        user);
                assertEquals(201, created.status(), created.body());
                id = UUID.fromString(created.data().get("id").asText());
                IntegrationServer.await("progress before the restart", WAIT, () -> first.get(
                        "/api/v1/youtube/downloads/" + id, user).data().get("progress").asInt() >= 10);
                ProcessHandle p = ProcessHandle.of(first.integrations().downloads().pid(id).orElseThrow())
                        .orElseThrow();
                tree.addAll(p.descendants().toList());
                tree.add(p);
            }
            IntegrationServer.await("yt-dlp to be stopped with the server", Duration.ofSeconds(10),
                    () -> tree.stream().noneMatch(ProcessHandle::isAlive));
            String stored = db.open().jdbc().queryOne("SELECT status FROM youtube_downloads WHERE id = ?",
                    r -> r.string("status"), id).orElseThrow();
            assertEquals("downloading", stored, "a shutdown is not a failure or a cancellation");

            try (IntegrationServer second = IntegrationServer.start(db, Clock.systemUTC(), Map.of())) {
                String user = second.login("restarter", userPassword);
                IntegrationServer.await("the interrupted download to complete", WAIT, () -> second.get(
                        "/api/v1/youtube/downloads/" + id, user).data().get("status").asText().equals("completed"));
                var done = second.get("/api/v1/youtube/downloads/" + id, user).data();
                assertEquals(100, done.get("progress").asInt());
                assertTrue(Files.isRegularFile(downloads.resolve("restarter").resolve(done.get("files").get(0)
                        .asText())));
                int attempts = db.open().jdbc().queryOne("SELECT attempts FROM youtube_downloads WHERE id = ?",
                        r -> r.integer("attempts"), id).orElseThrow();
                assertEquals(1, attempts, "queued again once");
                long downloadRuns = FakeYtDlp.readInvocations(log).stream().filter(a -> a.contains("--newline"))
                        .count();
                assertEquals(2, downloadRuns, "started again after the restart");
            }
        }
    }
}
