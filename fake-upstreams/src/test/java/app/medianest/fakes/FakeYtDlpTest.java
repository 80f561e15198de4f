package app.medianest.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeYtDlpTest {

    /** The progress regex from upstreams.md 5.3. */
    private static final Pattern PROGRESS =
            Pattern.compile("^\\[download\\]\\s+(\\d+(?:\\.\\d+)?)% of\\s+~?\\s*([\\d.]+\\w+) at\\s+(\\S+(?: B/s)?) ETA (\\S+)");
    private static final String URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

    @TempDir
    Path dir;
    private Path ytDlp;

    @BeforeEach
    void install() {
        ytDlp = FakeYtDlp.install(dir.resolve("bin"));
    }

    @Test
    void downloadPrintsProgressThenTheFinalPathAndWritesTheFile() throws Exception {
        Result result = run(Map.of(FakeYtDlp.ENV_DELAY_MS, "10", FakeYtDlp.ENV_STEPS, "4"),
                "--ignore-config", "--no-update", "--color", "no_color", "--newline", "--progress",
                "-f", "bv*[height<=1080]+ba/b", "-o", dir + "/dl/%(id)s.%(ext)s", "--print", "after_move:filepath", URL);

        assertEquals(0, result.exitCode(), result.stderr());
        List<String> progress = result.lines().stream().filter(l -> PROGRESS.matcher(l).find()).toList();
        // Like yt-dlp with a merged format: the video (0 + 4 steps), then the audio (0 + 2 steps), each 0-100 %
        // and each closed by its summary line; --print makes it quiet, so no Destination lines.
        assertEquals(8, progress.size(), result.stdout());
        assertEquals(2, result.lines().stream().filter(l -> l.matches("\\[download] 100% of .* in .*")).count(),
                result.stdout());
        assertTrue(progress.get(4).startsWith("[download] 100.0% of    5.72MiB at "), progress.get(4));
        assertTrue(progress.get(5).startsWith("[download]   0.0% of    1.43MiB at "), progress.get(5));
        assertTrue(progress.getLast().startsWith("[download] 100.0% of    1.43MiB at "), progress.getLast());
        assertTrue(result.lines().contains("[download] 100% of    5.72MiB in 00:00:00 at " + progress.get(4)
                .replaceAll(".* at +(\\S+) ETA.*", "$1")), result.stdout());

        Path file = dir.resolve("dl/dQw4w9WgXcQ.mp4");
        assertEquals(file.toString(), result.lines().getLast());
        assertEquals(5_997_568, Files.size(file));
        assertFalse(Files.exists(dir.resolve("dl/dQw4w9WgXcQ.mp4.part")));
    }

    @Test
    void progressTemplateLinesAreMachineFriendly() throws Exception {
        Result result = run(Map.of(FakeYtDlp.ENV_DELAY_MS, "10", FakeYtDlp.ENV_STEPS, "2", FakeYtDlp.ENV_SIZE, "6000000"),
                "--newline", "--progress", "--progress-template", "download:[progress] %(progress.status)s "
                        + "%(progress.downloaded_bytes)s %(progress.total_bytes)s %(progress.eta)s %(progress.speed)s",
                "-o", dir + "/%(id)s.%(ext)s", "--print", "after_move:filepath", URL);

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("[progress] downloading 0 6000000 NA NA", result.lines().getFirst());
        assertTrue(result.lines().get(1).matches("\\[progress] downloading 3000000 6000000 \\d+ [\\d.]+"),
                result.lines().get(1));
        assertTrue(result.lines().get(3).startsWith("[progress] finished 6000000 6000000 NA"), result.stdout());
    }

    @Test
    void metadataModePrintsOneJsonObjectPerVideo() throws Exception {
        Result result = run(Map.of(FakeYtDlp.ENV_DELAY_MS, "0", FakeYtDlp.ENV_TITLE, "My \"quoted\" clip"),
                "--ignore-config", "-j", "--no-playlist", URL + "&list=PLx");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(1, result.lines().size());
        JsonNode video = new ObjectMapper().readTree(result.lines().getFirst());
        assertEquals("dQw4w9WgXcQ", video.get("id").asText());
        assertEquals("My \"quoted\" clip", video.get("title").asText());
        assertEquals(213, video.get("duration").asInt());
        assertEquals("video", video.get("_type").asText());
        assertTrue(video.get("formats").size() > 3);
    }

    @Test
    void flatPlaylistListsLightEntries() throws Exception {
        Result result = run(Map.of(FakeYtDlp.ENV_DELAY_MS, "0", FakeYtDlp.ENV_PLAYLIST_SIZE, "4"),
                "-j", "--flat-playlist", "https://www.youtube.com/playlist?list=PLdemo");

        assertEquals(4, result.lines().size());
        JsonNode entry = new ObjectMapper().readTree(result.lines().get(3));
        assertEquals("url", entry.get("_type").asText());
        assertEquals(4, entry.get("playlist_index").asInt());
        assertEquals("PLdemo", entry.get("playlist_id").asText());
    }

    @Test
    void failuresUseStderrAndYtDlpExitCodes() throws Exception {
        Result failed = run(Map.of(FakeYtDlp.ENV_FAIL, "1", FakeYtDlp.ENV_DELAY_MS, "0"), "-j", URL);
        assertEquals(1, failed.exitCode());
        assertTrue(failed.stderr().startsWith("ERROR: [youtube] dQw4w9WgXcQ: Video unavailable"), failed.stderr());

        Result badOption = run(Map.of(), "--no-such-flag", URL);
        assertEquals(2, badOption.exitCode());
        assertTrue(badOption.stderr().contains("error: no such option: --no-such-flag"));

        Result midway = run(Map.of(FakeYtDlp.ENV_DELAY_MS, "0", FakeYtDlp.ENV_FAIL_AT_STEP, "2"),
                "--newline", "-o", dir + "/mid/%(id)s.%(ext)s", URL);
        assertEquals(1, midway.exitCode());
        assertTrue(Files.exists(dir.resolve("mid/dQw4w9WgXcQ.mp4.part")));
    }

    @Test
    void invocationsAreLogged() throws Exception {
        Path log = dir.resolve("calls.log");
        run(Map.of(FakeYtDlp.ENV_LOG, log.toString(), FakeYtDlp.ENV_DELAY_MS, "0"), "-j", "--no-playlist", URL);

        assertEquals(List.of(List.of("-j", "--no-playlist", URL)), FakeYtDlp.readInvocations(log));
    }

    @Test
    void aRunningDownloadCanBeKilled() throws Exception {
        Process process = start(Map.of(FakeYtDlp.ENV_DELAY_MS, "5000"),
                "--newline", "--progress", "-o", dir + "/kill/%(id)s.%(ext)s", "--print", "after_move:filepath", URL);
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(out.readLine().startsWith("[download]   0.0% of"));
            List<ProcessHandle> children = process.descendants().toList();

            process.destroy();

            assertTrue(process.waitFor(3, TimeUnit.SECONDS), "still running after SIGTERM");
            assertEquals(143, process.exitValue());
            for (ProcessHandle child : children) {
                child.onExit().get(3, TimeUnit.SECONDS);
            }
        } finally {
            process.destroyForcibly();
        }
        assertTrue(Files.exists(dir.resolve("kill/dQw4w9WgXcQ.mp4.part")));
    }

    private record Result(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }
    }

    private Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process process = start(env, args);
        byte[] stderr = process.getErrorStream().readAllBytes();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        return new Result(process.exitValue(), stdout, new String(stderr, StandardCharsets.UTF_8));
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ytDlp.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }
}
