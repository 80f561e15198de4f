package app.medianest.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

/**
 * Installs the fake {@code yt-dlp}: a POSIX {@code sh} script (resource {@value #RESOURCE}) that accepts the
 * options MediaNest passes, prints yt-dlp's metadata JSON and {@code [download]} / {@code --progress-template}
 * lines over a few seconds, writes {@code <file>.part} then renames it, and exits 0, 1 or 2 like yt-dlp.
 * SIGTERM ({@link Process#destroy()}) stops it at once with exit 143, leaving the {@code .part} file.
 *
 * <p>Behaviour is steered with the environment variables named by the constants of this class.
 */
public final class FakeYtDlp {

    /** Classpath resource holding the script. */
    public static final String RESOURCE = "/app/medianest/fakes/fake-yt-dlp.sh";
    /** Pause per progress step and before metadata output, in ms (default 300, so a download takes ~3 s). */
    public static final String ENV_DELAY_MS = "FAKE_YTDLP_DELAY_MS";
    /** Progress steps per download (default 10). */
    public static final String ENV_STEPS = "FAKE_YTDLP_STEPS";
    /** Bytes written per video (default 5997568, shown as 5.72MiB). */
    public static final String ENV_SIZE = "FAKE_YTDLP_SIZE";
    /** Video title (default {@code Fake Video <id>}). */
    public static final String ENV_TITLE = "FAKE_YTDLP_TITLE";
    /** Duration in seconds reported by metadata (default 213). */
    public static final String ENV_DURATION = "FAKE_YTDLP_DURATION";
    /** {@code 1}: every URL fails with an {@code ERROR:} line on stderr and exit code 1. */
    public static final String ENV_FAIL = "FAKE_YTDLP_FAIL";
    /** Fail a download after this many progress steps (exit 1, the {@code .part} file stays). */
    public static final String ENV_FAIL_AT_STEP = "FAKE_YTDLP_FAIL_AT_STEP";
    /** {@code 1}: print a {@code WARNING:} line on stderr (not a failure). */
    public static final String ENV_WARN = "FAKE_YTDLP_WARN";
    /** Entries of a playlist URL (one with {@code list=}), default 3. */
    public static final String ENV_PLAYLIST_SIZE = "FAKE_YTDLP_PLAYLIST_SIZE";
    /** File to which each invocation appends its arguments, tab separated, one line per run. */
    public static final String ENV_LOG = "FAKE_YTDLP_LOG";

    private FakeYtDlp() {
    }

    /** Writes the script to {@code dir/yt-dlp}, makes it executable and returns its path. */
    public static Path install(Path dir) {
        try (InputStream script = FakeYtDlp.class.getResourceAsStream(RESOURCE)) {
            if (script == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Files.createDirectories(dir);
            Path target = dir.resolve("yt-dlp");
            Files.copy(script, target, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                if (!target.toFile().setExecutable(true)) {
                    throw new IOException("cannot make " + target + " executable", e);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the fake yt-dlp into " + dir, e);
        }
    }

    /** Installs into a new temporary directory. */
    public static Path installTemp() {
        try {
            return install(Files.createTempDirectory("fake-yt-dlp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    /** Reads an {@link #ENV_LOG} file: one argument list per invocation. */
    public static List<List<String>> readInvocations(Path log) {
        try {
            return Files.readAllLines(log).stream()
                    .map(line -> line.endsWith("\t") ? line.substring(0, line.length() - 1) : line)
                    .map(line -> line.isEmpty() ? List.<String>of() : Arrays.asList(line.split("\t", -1)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
