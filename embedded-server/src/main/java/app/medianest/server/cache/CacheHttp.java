package app.medianest.server.cache;

import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;

import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/admin/cache/flush}: body {@code {"cache": "name"}} flushes one cache, no body all of them. */
public final class CacheHttp {
    /** The flush body; {@code cache} null means every cache. */
    public record FlushBody(String cache) {
    }

    private final CacheRegistry registry;

    public CacheHttp(CacheRegistry registry) {
        this.registry = registry;
    }

    public void routes(RouteTable r) {
        r.post("/api/v1/admin/cache/flush", Access.ADMIN, this::flush);
    }

    private void flush(Exchange ex) {
        FlushBody b = ex.bodyOrDefault(FlushBody.class, new FlushBody(null));
        if (b.cache() == null) {
            registry.flushAll();
            ex.ok(Map.of("flushed", registry.names()));
            return;
        }
        Validator v = new Validator();
        String name = v.string("cache", b.cache(), 1, 100, true);
        v.check();
        if (!registry.flush(name)) {
            throw ApiException.notFound("CACHE_NOT_FOUND", "No cache named '" + name.replaceAll("[^\\w.\\-]", "?")
                    + "'; caches: " + String.join(", ", registry.names()));
        }
        ex.ok(Map.of("flushed", List.of(name)));
    }
}
