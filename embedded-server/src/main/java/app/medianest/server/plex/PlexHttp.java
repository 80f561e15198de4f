package app.medianest.server.plex;

import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;
import app.medianest.server.resilience.Cached;

import java.util.regex.Pattern;

/**
 * {@code /api/v1/plex/...}: the library through {@link PlexService}. Every answer carries {@code X-Cache}
 * ({@code HIT}, {@code MISS} or {@code STALE} when Plex failed and the last good answer is served).
 */
public final class PlexHttp {
    private static final Pattern KEY = Pattern.compile("[0-9]{1,12}");

    private final PlexService plex;

    public PlexHttp(PlexService plex) {
        this.plex = plex;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/plex/server", Access.USER, ex -> send(ex, plex.server()))
                .get("/api/v1/plex/libraries", Access.USER, ex -> send(ex, plex.libraries()))
                .get("/api/v1/plex/libraries/{key}/items", Access.USER, this::libraryItems)
                .get("/api/v1/plex/search", Access.USER, this::search)
                .get("/api/v1/plex/recently-added", Access.USER, ex -> send(ex, plex.recentlyAdded()))
                .get("/api/v1/plex/libraries/{key}/collections", Access.USER, this::collections)
                .get("/api/v1/plex/collections/{key}", Access.USER, this::collection);
    }

    private void libraryItems(Exchange ex) {
        String key = key(ex, "library");
        Validator v = new Validator();
        int offset = number(ex, v, "offset", 0, 0, 10_000_000);
        int limit = Math.clamp(number(ex, v, "limit", 20, Integer.MIN_VALUE, Integer.MAX_VALUE), 1, 100);
        v.check();
        Cached<PlexService.ItemsPage> page = plex.items(key, offset, limit);
        ex.response().header("X-Cache", page.state().name());
        ex.ok(page.value().items(), Exchange.meta("offset", offset, "limit", limit, "total", page.value().total()));
    }

    private void search(Exchange ex) {
        Validator v = new Validator();
        String query = v.string("query", ex.query("query").orElse(null), 1, 200, true);
        v.check();
        send(ex, plex.search(query));
    }

    private void collections(Exchange ex) {
        send(ex, plex.collections(key(ex, "library")));
    }

    private void collection(Exchange ex) {
        send(ex, plex.collection(key(ex, "collection")));
    }

    private static void send(Exchange ex, Cached<?> answer) {
        ex.response().header("X-Cache", answer.state().name());
        ex.ok(answer.value());
    }

    /** Plex keys are numbers; anything else cannot exist (and never reaches Plex's URL). */
    private static String key(Exchange ex, String what) {
        String key = ex.pathParam("key");
        if (!KEY.matcher(key).matches()) {
            throw ApiException.notFound("No such " + what);
        }
        return key;
    }

    private static int number(Exchange ex, Validator v, String name, int fallback, int min, int max) {
        String raw = ex.query(name).orElse(null);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(raw.strip());
            if (n < min || n > max) {
                v.fail(name, "must be between " + min + " and " + max);
                return fallback;
            }
            return (int) Math.clamp(n, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            v.fail(name, "must be a whole number");
            return fallback;
        }
    }
}
