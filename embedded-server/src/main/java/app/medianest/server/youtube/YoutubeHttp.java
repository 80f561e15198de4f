package app.medianest.server.youtube;

import app.medianest.model.DownloadStatus;
import app.medianest.model.youtube.DownloadRequest;
import app.medianest.model.youtube.DownloadView;
import app.medianest.server.db.Page;
import app.medianest.server.http.Access;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.ListParams;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;

import java.util.Set;

/** {@code /api/v1/youtube/...}: queue, list, inspect and cancel downloads; read a video's metadata. */
public final class YoutubeHttp {
    public static final Set<String> QUALITIES = Set.of("best", "2160p", "1440p", "1080p", "720p", "480p", "360p");
    public static final Set<String> FORMATS = Set.of("mp4", "webm", "mkv");

    private final YoutubeService youtube;

    public YoutubeHttp(YoutubeService youtube) {
        this.youtube = youtube;
    }

    public void routes(RouteTable r) {
        r.post("/api/v1/youtube/downloads", Access.USER, this::submit)
                .get("/api/v1/youtube/downloads", Access.USER, this::listMine)
                .get("/api/v1/youtube/downloads/{id}", Access.USER,
                        ex -> ex.ok(youtube.get(ex.principal(), ex.pathId("id", "Download"))))
                .delete("/api/v1/youtube/downloads/{id}", Access.USER,
                        ex -> ex.ok(youtube.cancel(ex.principal(), ex.pathId("id", "Download"))))
                .get("/api/v1/youtube/metadata", Access.USER, this::metadata);
    }

    private void submit(Exchange ex) {
        DownloadRequest b = ex.body(DownloadRequest.class);
        Validator v = new Validator();
        String submitted = v.string("url", b.url(), 1, 2048, true);
        YoutubeUrl url = submitted == null ? null : v.parse("url", submitted, YoutubeUrl::parse);
        String quality = oneOf(v, "quality", b.quality(), QUALITIES, "best");
        String format = oneOf(v, "format", b.format(), FORMATS, "mp4");
        v.check();
        ex.created(youtube.submit(ex.principal().userId(), url, submitted, quality, format));
    }

    private void listMine(Exchange ex) {
        Validator v = new Validator();
        ListParams p = ListParams.parse(ex, v, Set.of("createdAt"), "createdAt");
        DownloadStatus status = ex.query("status").map(s -> v.parse("status", s, DownloadStatus::parse)).orElse(null);
        if (!p.desc()) {
            v.fail("order", "downloads are listed newest first (order=desc)");
        }
        v.check();
        Page<DownloadView> page = p.run(() -> youtube.list(ex.principal().userId(), status, p.cursor(), p.limit()));
        ex.ok(page.items(), Exchange.meta("nextCursor", page.nextCursor(), "limit", p.limit()));
    }

    private void metadata(Exchange ex) {
        Validator v = new Validator();
        String raw = v.string("url", ex.query("url").orElse(null), 1, 2048, true);
        YoutubeUrl url = raw == null ? null : v.parse("url", raw, YoutubeUrl::parse);
        v.check();
        ex.ok(youtube.metadata(url));
    }

    private static String oneOf(Validator v, String field, String value, Set<String> allowed, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            return v.fail(field, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return value;
    }
}
