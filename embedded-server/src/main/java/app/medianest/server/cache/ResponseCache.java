package app.medianest.server.cache;

import app.medianest.model.Envelope;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Caches whole JSON responses (the success envelope, serialized once) of cacheable GET routes, and gives
 * them the contract's {@code Cache-Control: private, no-cache} and a strong {@code ETag}: a matching
 * {@code If-None-Match} gets 304 without a body. {@code X-Cache} says {@code HIT}, {@code MISS} or
 * {@code BYPASS} (flag off). Invalidate exactly as with {@link DataCache}; per-user entries are keyed by the
 * user id the handler passes (normally {@code ex.principal().userId()}).
 *
 * <pre>{@code
 * private void stats(Exchange ex) {
 *     UUID me = ex.principal().userId();
 *     responses.sendForUser(ex, me, "dashboard.stats", () -> dashboard.statsFor(me));
 * }
 * }</pre>
 */
public final class ResponseCache {
    /** A serialized response and its entity tag. */
    record Cached(byte[] body, String etag) {
    }

    private final DataCache<Cached> cache;

    ResponseCache(DataCache<Cached> cache) {
        this.cache = cache;
    }

    /** The underlying data cache, for invalidation. */
    public DataCache<?> entries() {
        return cache;
    }

    /** Sends the shared response {@code key}, built from {@code data} on a miss. */
    public void send(Exchange ex, String key, Supplier<?> data) {
        reply(ex, cache.fetch(new DataCache.Key(null, key), () -> serialize(data.get())));
    }

    /** Sends {@code user}'s own response {@code key}, built from {@code data} on a miss. */
    public void sendForUser(Exchange ex, UUID user, String key, Supplier<?> data) {
        if (user == null) {
            reply(ex, new DataCache.Lookup<>(serialize(data.get()), DataCache.Served.BYPASS));
            return;
        }
        reply(ex, cache.fetch(new DataCache.Key(user, key), () -> serialize(data.get())));
    }

    public void invalidate(String key) {
        cache.invalidate(key);
    }

    public void invalidateForUser(UUID user, String key) {
        cache.invalidateForUser(user, key);
    }

    public void invalidateUser(UUID user) {
        cache.invalidateUser(user);
    }

    public void invalidatePrefix(String prefix) {
        cache.invalidatePrefix(prefix);
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** Serializes {@code data} in a success envelope (or as is when it already is an {@link Envelope}). */
    private static Cached serialize(Object data) {
        byte[] body = Json.write(data instanceof Envelope<?> e ? e : Envelope.of(data));
        return new Cached(body, etag(body));
    }

    /** The same strong tag as uncached conditional GETs, so clients see one format. */
    static String etag(byte[] body) {
        return app.medianest.server.http.ConditionalGet.etag(body);
    }

    private static void reply(Exchange ex, DataCache.Lookup<Cached> lookup) {
        Cached c = lookup.value();
        var res = ex.response();
        res.header(HeaderNames.CACHE_CONTROL, app.medianest.server.http.ConditionalGet.PRIVATE);
        res.header(HeaderNames.ETAG, c.etag());
        res.header("X-Cache", lookup.served().name());
        if (app.medianest.server.http.ConditionalGet.matches(ex.header("If-None-Match"), c.etag())) {
            res.status(Status.NOT_MODIFIED_304);
            res.send();
            return;
        }
        ex.sendJson(200, c.body());
    }

}
