package app.medianest.server.portal;

import app.medianest.model.dashboard.NotificationView;
import app.medianest.model.plex.PlexItemView;
import app.medianest.model.plex.PlexLibraryView;
import app.medianest.model.youtube.DownloadView;
import app.medianest.server.db.Page;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Validator;
import app.medianest.server.plex.PlexService;
import app.medianest.server.resilience.CacheState;
import app.medianest.server.resilience.Cached;
import app.medianest.server.upstream.UpstreamException;
import app.medianest.server.upstream.UpstreamHttp;
import app.medianest.server.youtube.YoutubeHttp;
import app.medianest.server.youtube.YoutubeUrl;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.helidon.http.HeaderNames;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Notifications, the Plex library (with its artwork proxied), YouTube downloads and the service status board. */
final class MorePages {
    /** Plex artwork paths the proxy fetches: nothing else of Plex can be reached through it. */
    private static final Pattern ART = Pattern.compile("/library/(metadata|collections)/\\d{1,12}/(thumb|art|composite)"
            + "/\\d{1,20}");
    private static final Pattern KEY = Pattern.compile("\\d{1,12}");

    private record Image(byte[] bytes, String type) {
    }

    private final Portal portal;
    /** Artwork bytes by Plex path: the browser never sees Plex's address or token. */
    private final Cache<String, Image> art = Caffeine.newBuilder().maximumWeight(32L << 20)
            .<String, Image>weigher((k, v) -> v.bytes().length + 64).expireAfterWrite(Duration.ofHours(6)).build();

    /**
     * Artwork fetches in flight to Plex at once: a library page asks for dozens of pictures together, and Plex's
     * bulkhead (4 calls by default) must keep room for the pages' own calls. Others wait here their turn.
     */
    private final java.util.concurrent.Semaphore artSlots = new java.util.concurrent.Semaphore(2, true);

    MorePages(Portal portal) {
        this.portal = portal;
    }

    void routes() {
        portal.get("/notifications", Portal.Who.MEMBER, this::notifications);
        portal.post("/notifications/{id}/read", Portal.Who.MEMBER, this::markRead);
        portal.get("/plex", Portal.Who.MEMBER, this::libraries);
        portal.get("/plex/library/{key}", Portal.Who.MEMBER, this::library);
        portal.get("/plex/library/{key}/collections", Portal.Who.MEMBER, this::collections);
        portal.get("/plex/collection/{key}", Portal.Who.MEMBER, this::collection);
        portal.get("/plex/search", Portal.Who.MEMBER, this::plexSearch);
        portal.get("/art", Portal.Who.MEMBER, this::artwork);
        portal.get("/youtube", Portal.Who.MEMBER, this::downloads);
        portal.post("/youtube", Portal.Who.MEMBER, this::submit);
        portal.post("/youtube/{id}/cancel", Portal.Who.MEMBER, this::cancel);
        portal.get("/status", Portal.Who.MEMBER, this::status);
    }

    private void notifications(Web web) {
        String cursor = web.query("cursor").orElse(null);
        Page<NotificationView> page;
        try {
            page = portal.components().notifications().list(web.user().userId(), cursor, 30);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", "This \"more\" link is not valid any more.");
        }
        Map<String, Object> m = new HashMap<>();
        m.put("ctx", web.ctx("Notifications", "notifications"));
        m.put("items", page.items());
        m.put("more", page.nextCursor() == null ? null : "/notifications?cursor=" + Web.enc(page.nextCursor()));
        web.page("notifications", m);
    }

    private void markRead(Web web) {
        UUID id;
        try {
            id = UUID.fromString(web.path("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("There is no such notification.");
        }
        portal.components().notifications().markRead(web.user().userId(), id, Instant.now())
                .orElseThrow(() -> ApiException.notFound("There is no such notification."));
        web.redirect("/notifications", "read");
    }

    /** A Plex answer, or what is known about why there is none. */
    private <T> void plexPage(Web web, String title, String template, Supplier<Cached<T>> load,
                              Map<String, Object> extra) {
        Map<String, Object> m = new HashMap<>(extra);
        m.put("ctx", web.ctx(title, "plex"));
        int status = 200;
        try {
            Cached<T> c = load.get();
            m.put("data", c.value());
            m.put("stale", c.state() == CacheState.STALE);
            m.put("error", null);
        } catch (UpstreamException e) {
            m.put("data", null);
            m.put("stale", false);
            m.put("error", e.kind() == UpstreamException.Kind.NOT_CONFIGURED ? "Plex is not set up on this server yet."
                    : "Plex is not answering right now, and nothing of this page was seen before. Try again later.");
            status = 503;
        }
        web.page(status, template, m);
    }

    private PlexService plex() {
        return portal.components().integrations().plex();
    }

    private static String key(Web web) {
        String k = web.path("key");
        if (!KEY.matcher(k).matches()) {
            throw ApiException.notFound("There is no such library or collection.");
        }
        return k;
    }

    private void libraries(Web web) {
        plexPage(web, "Plex libraries", "plex-libraries", () -> plex().libraries(), Map.of());
    }

    private void library(Web web) {
        String key = key(web);
        int offset = web.query("offset").map(o -> {
            try {
                return Math.clamp(Long.parseLong(o), 0, 1_000_000);
            } catch (NumberFormatException e) {
                throw ApiException.validation("offset", "The page number is not valid.");
            }
        }).orElse(0);
        String name = libraryName(key);
        plexPage(web, name, "plex-items", () -> plex().items(key, offset, 48), Map.of("key", key, "name", name,
                "offset", offset));
    }

    private String libraryName(String key) {
        try {
            return plex().libraries().value().stream().filter(l -> l.key().equals(key)).map(PlexLibraryView::title)
                    .findFirst().orElse("Library");
        } catch (UpstreamException e) {
            return "Library";
        }
    }

    private void collections(Web web) {
        String key = key(web);
        String name = libraryName(key);
        plexPage(web, "Collections: " + name, "plex-collections",
                () -> plex().collections(key), Map.of("key", key, "name", name));
    }

    private void collection(Web web) {
        String key = key(web);
        plexPage(web, "Collection", "plex-collection", () -> plex().collection(key), Map.of());
    }

    private void plexSearch(Web web) {
        String q = web.query("q").orElse("");
        if (q.length() > 200) {
            throw ApiException.validation("q", "The search is too long (at most 200 characters).");
        }
        if (q.isEmpty()) {
            plexPage(web, "Search Plex", "plex-search", () -> new Cached<>(List.<PlexItemView>of(), CacheState.HIT),
                    Map.of("q", q));
            return;
        }
        plexPage(web, "Plex: " + q, "plex-search", () -> plex().search(q), Map.of("q", q));
    }

    private void artwork(Web web) {
        String path = web.query("p").orElse("");
        if (!ART.matcher(path).matches()) {
            throw ApiException.notFound("No such picture.");
        }
        Image img = art.getIfPresent(path);
        if (img == null) {
            img = fetchArt(path);
            art.put(path, img);
        }
        web.response().header(HeaderNames.CACHE_CONTROL, "private, max-age=86400");
        web.response().header(HeaderNames.CONTENT_TYPE, img.type());
        web.response().send(img.bytes());
    }

    /** One picture from Plex, waiting for a free artwork slot. */
    private Image fetchArt(String path) {
        boolean slot;
        try {
            slot = artSlots.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slot = false;
        }
        if (!slot) {
            throw ApiException.unavailable("Plex is busy; the picture will load next time.");
        }
        try {
            UpstreamHttp.Answer a;
            try {
                a = plex().image(path);
            } catch (UpstreamException e) {
                if (e.kind() == UpstreamException.Kind.CLIENT_ERROR) {
                    throw ApiException.notFound("No such picture.");
                }
                throw e;
            }
            String type = a.headers().firstValue("Content-Type").orElse("image/jpeg");
            if (a.status() != 200 || !type.startsWith("image/") || type.contains("svg")) {
                throw ApiException.notFound("No such picture.");
            }
            return new Image(a.body(), type);
        } finally {
            artSlots.release();
        }
    }

    private void downloads(Web web) {
        downloadsPage(web, 200, null, "");
    }

    private void downloadsPage(Web web, int status, String error, String url) {
        var yt = portal.components().integrations().youtube();
        Page<DownloadView> page = yt.list(web.user().userId(), null, null, 30);
        Map<String, Object> m = new HashMap<>();
        m.put("ctx", web.ctx("YouTube downloads", "youtube"));
        m.put("items", page.items());
        m.put("limit", yt.hourlyLimit());
        m.put("error", error);
        m.put("url", url);
        m.put("qualities", List.of("best", "2160p", "1440p", "1080p", "720p", "480p", "360p"));
        m.put("formats", List.of("mp4", "webm", "mkv"));
        web.page(status, "youtube", m);
    }

    private void submit(Web web) {
        String raw = web.field("url").orElse("");
        Validator v = new Validator();
        String submitted = v.string("url", raw, 1, 2048, true);
        YoutubeUrl url = submitted == null ? null : v.parse("url", submitted, YoutubeUrl::parse);
        String quality = web.field("quality").orElse("best");
        String format = web.field("format").orElse("mp4");
        if (!YoutubeHttp.QUALITIES.contains(quality)) {
            v.fail("quality", "is not one of the offered qualities");
        }
        if (!YoutubeHttp.FORMATS.contains(format)) {
            v.fail("format", "is not one of the offered formats");
        }
        try {
            v.check();
            portal.components().integrations().youtube().submit(web.user().userId(), url, submitted, quality, format);
        } catch (ApiException e) {
            String msg = e.code().equals("VALIDATION_ERROR") && e.details() != null && e.details().containsKey("url")
                    ? "That is not a YouTube video or playlist link." : Portal.message(e);
            if (e.status() == 429) {
                e.headers().forEach((k, val) -> web.response().header(k, val));
            }
            downloadsPage(web, e.status(), msg, raw.length() > 2048 ? "" : raw);
            return;
        }
        web.redirect("/youtube", "download-queued");
    }

    private void cancel(Web web) {
        UUID id;
        try {
            id = UUID.fromString(web.path("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("There is no such download.");
        }
        portal.components().integrations().youtube().cancel(web.user(), id);
        web.redirect("/youtube", "download-cancelled");
    }

    private void status(Web web) {
        Map<String, Object> m = new HashMap<>();
        m.put("ctx", web.ctx("Service status", "status"));
        m.put("services", portal.components().serviceStatus().findAll());
        web.page("status", m);
    }
}
