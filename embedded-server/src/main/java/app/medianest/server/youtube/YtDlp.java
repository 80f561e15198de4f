package app.medianest.server.youtube;

import app.medianest.model.youtube.VideoMetadata;
import app.medianest.server.services.ServiceConfig;
import app.medianest.server.services.ServiceConfigs;
import app.medianest.server.services.ServiceName;
import app.medianest.server.upstream.UpstreamException;
import app.medianest.server.upstream.UpstreamHttp;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * yt-dlp's command lines (upstreams.md section 5) and its metadata mode. The executable and download folder come
 * from the {@code youtube} service configuration ({@code MEDIANEST_YTDLP_PATH}, {@code MEDIANEST_DOWNLOAD_DIR}).
 */
public final class YtDlp {
    static final String SERVICE = "youtube";
    private static final List<String> BASE = List.of("--ignore-config", "--no-update", "--color", "no_color");

    /** Title, entries and playlist ids of a URL, from {@code -j} / {@code --flat-playlist -J}. */
    record Info(VideoMetadata metadata, List<String> videoIds) {
    }

    private final ServiceConfigs configs;
    private final Path defaultDownloadDir;
    private final Duration metadataTimeout;

    public YtDlp(ServiceConfigs configs, Path defaultDownloadDir, Duration metadataTimeout) {
        this.configs = configs;
        this.defaultDownloadDir = defaultDownloadDir;
        this.metadataTimeout = metadataTimeout;
    }

    /** The youtube configuration, or NOT_CONFIGURED when downloads are disabled. */
    ServiceConfig config() {
        ServiceConfig c = configs.get(ServiceName.YOUTUBE);
        if (!c.usable()) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.NOT_CONFIGURED, 0,
                    "YouTube downloads are disabled", null);
        }
        return c;
    }

    String executable(ServiceConfig c) {
        return c.setting("ytdlpPath").orElse("yt-dlp");
    }

    /** Where downloads go: {@code settings.downloadDir}, else the data directory's {@code downloads}. */
    public Path downloadDir(ServiceConfig c) {
        return c.setting("downloadDir").map(Path::of).orElse(defaultDownloadDir).toAbsolutePath().normalize();
    }

    /** Reads a video's (or playlist's) metadata; {@code onStart} sees the process so it can be cancelled. */
    Info info(ServiceConfig c, YoutubeUrl url, Consumer<ProcessRun> onStart) {
        List<String> argv = new ArrayList<>();
        argv.add(executable(c));
        argv.addAll(BASE);
        argv.addAll(url.playlist() ? List.of("--flat-playlist", "-J") : List.of("-j", "--no-playlist"));
        argv.add("--");
        argv.add(url.canonical());
        StringBuffer out = new StringBuffer();
        try (ProcessRun run = ProcessRun.start(argv, line -> {
            if (out.isEmpty() && line.startsWith("{")) {
                out.append(line);
            }
        })) {
            onStart.accept(run);
            int code = run.waitFor(metadataTimeout);
            if (code == -1) {
                throw new UpstreamException(SERVICE, UpstreamException.Kind.TIMEOUT, 0,
                        "yt-dlp did not answer within " + metadataTimeout.toSeconds() + " s", null);
            }
            if (code != 0 || out.isEmpty()) {
                throw failure(code, run);
            }
            return parse(url, UpstreamHttp.JSON.readTree(out.toString()));
        } catch (IOException e) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.BAD_RESPONSE, 0,
                    "yt-dlp printed unreadable metadata", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(SERVICE, UpstreamException.Kind.UNREACHABLE, 0, "interrupted", e);
        }
    }

    /** The download command: best format up to {@code quality}, merged into {@code format}, files into {@code dir}. */
    List<String> downloadArgs(ServiceConfig c, YoutubeUrl url, Path dir, String quality, String format) {
        List<String> argv = new ArrayList<>();
        argv.add(executable(c));
        argv.addAll(BASE);
        argv.addAll(List.of("--newline", "--progress", "-f", formatSelector(quality), "--merge-output-format", format,
                "-o", dir.resolve("%(title)s [%(id)s].%(ext)s").toString(), "--print", "after_move:filepath",
                url.playlist() ? "--yes-playlist" : "--no-playlist", "--", url.canonical()));
        return argv;
    }

    /** {@code yt-dlp --version}, for the admin's connection test. */
    public String version(ServiceConfig c) {
        StringBuffer out = new StringBuffer();
        try (ProcessRun run = ProcessRun.start(List.of(executable(c), "--version"),
                line -> out.append(out.isEmpty() ? line.strip() : ""))) {
            int code = run.waitFor(Duration.ofSeconds(10));
            if (code != 0) {
                throw failure(code, run);
            }
            return out.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(SERVICE, UpstreamException.Kind.UNREACHABLE, 0, "interrupted", e);
        }
    }

    /** yt-dlp leaves {@code .part} files behind when stopped; removes those of {@code videoIds} in {@code dir}. */
    static void removePartials(Path dir, List<String> videoIds) {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, "*.part")) {
            for (Path p : parts) {
                String name = p.getFileName().toString();
                if (videoIds.stream().anyMatch(id -> id != null && name.contains("[" + id + "]"))) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            System.getLogger(YtDlp.class.getName()).log(System.Logger.Level.DEBUG,
                    "Could not remove partial files in {0}", dir);
        }
    }

    static String formatSelector(String quality) {
        if (quality == null || quality.equals("best")) {
            return "bv*+ba/b";
        }
        String height = quality.replace("p", "");
        return "bv*[height<=" + height + "]+ba/b[height<=" + height + "]";
    }

    /** yt-dlp's own errors (unavailable video, unsupported URL) are client errors: not an outage. */
    static UpstreamException failure(int code, ProcessRun run) {
        String error = run.lastError();
        if (code == 1 && error != null) {
            return new UpstreamException(SERVICE, UpstreamException.Kind.CLIENT_ERROR, 404,
                    "yt-dlp: " + error, null);
        }
        return new UpstreamException(SERVICE, UpstreamException.Kind.BAD_RESPONSE, 0,
                "yt-dlp exited with code " + code + (error == null ? "" : ": " + error), null);
    }

    private static Info parse(YoutubeUrl url, JsonNode n) {
        if (url.playlist()) {
            List<String> ids = new ArrayList<>();
            n.path("entries").forEach(e -> {
                if (e.hasNonNull("id")) {
                    ids.add(e.get("id").asText());
                }
            });
            int count = n.path("playlist_count").canConvertToInt() ? n.get("playlist_count").asInt() : ids.size();
            return new Info(new VideoMetadata(null, text(n, "id"), text(n, "title"), channel(n), null, null, null,
                    count), ids);
        }
        String date = text(n, "upload_date");
        String uploadDate = date != null && date.matches("\\d{8}")
                ? date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6) : null;
        return new Info(new VideoMetadata(text(n, "id"), url.playlistId(), text(n, "title"), channel(n),
                n.path("duration").isNumber() ? (int) Math.round(n.get("duration").asDouble()) : null,
                text(n, "thumbnail"), uploadDate, null), List.of(text(n, "id") == null ? url.videoId()
                : text(n, "id")));
    }

    private static String channel(JsonNode n) {
        String channel = text(n, "channel");
        return channel != null ? channel : text(n, "uploader");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
