package app.medianest.server.plex;

import app.medianest.model.plex.PlexCollectionItems;
import app.medianest.model.plex.PlexCollectionView;
import app.medianest.model.plex.PlexItemView;
import app.medianest.model.plex.PlexLibraryView;
import app.medianest.model.plex.PlexServerInfo;
import app.medianest.server.resilience.CacheState;
import app.medianest.server.resilience.Cached;
import app.medianest.server.resilience.StaleCache;
import app.medianest.server.upstream.UpstreamException;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Plex library as MediaNest serves it: answers cached for the service-data TTL, and when Plex is down or its
 * breaker is open, the last good answer marked stale. {@link #recentlyAdded(int)} is the dashboard's
 * never-failing view.
 */
public final class PlexService {
    /** Items the recently-added route returns. */
    public static final int RECENT = 20;
    private static final System.Logger LOG = System.getLogger(PlexService.class.getName());

    private static final long DASHBOARD_WAIT_MS = 250;

    private final PlexClient client;
    private final StaleCache cache;
    private final AtomicReference<CompletableFuture<List<PlexItemView>>> recentRefresh = new AtomicReference<>();

    public PlexService(PlexClient client, StaleCache cache) {
        this.client = client;
        this.cache = cache;
    }

    /** One page of a library's items. */
    public record ItemsPage(List<PlexItemView> items, int offset, int limit, int total) {
    }

    public Cached<PlexServerInfo> server() {
        return cache.get("server", () -> PlexMapper.server(client.server()));
    }

    /** The libraries with their item counts (one count call per library, all cached together). */
    public Cached<List<PlexLibraryView>> libraries() {
        return cache.get("libraries", () -> PlexMapper.libraries(client.sections(), this::count));
    }

    public Cached<ItemsPage> items(String sectionKey, int offset, int limit) {
        return cache.get("items:" + sectionKey + ":" + offset + ":" + limit, () -> {
            JsonNode c = client.sectionItems(sectionKey, offset, limit);
            List<PlexItemView> items = PlexMapper.items(c);
            Integer total = PlexMapper.integer(c, "totalSize");
            return new ItemsPage(items, offset, limit, total == null ? offset + items.size() : total);
        });
    }

    public Cached<List<PlexItemView>> search(String query) {
        return cache.get("search:" + query.toLowerCase(Locale.ROOT), () -> PlexMapper.hubItems(client.search(query,
                10)));
    }

    public Cached<List<PlexItemView>> recentlyAdded() {
        return cache.get("recent", () -> PlexMapper.items(client.recentlyAdded(RECENT)));
    }

    /**
     * Up to {@code limit} newest items for the dashboard, without ever waiting on a slow Plex: the cached list
     * (fresh or stale) is returned at once and, when it is not fresh, refreshed in the background. Only before
     * anything was cached does it wait, at most {@value #DASHBOARD_WAIT_MS} ms. Empty when Plex is not configured,
     * down, or slow; never throws.
     */
    public List<PlexItemView> recentlyAdded(int limit) {
        if (!client.configured()) {
            return List.of();
        }
        Optional<Cached<List<PlexItemView>>> cached = cache.peek("recent");
        if (cached.isPresent() && cached.get().state() == CacheState.HIT) {
            return first(cached.get().value(), limit);
        }
        CompletableFuture<List<PlexItemView>> refresh = refreshRecentlyAdded();
        if (cached.isPresent()) {
            return first(cached.get().value(), limit);
        }
        try {
            return first(refresh.get(DASHBOARD_WAIT_MS, TimeUnit.MILLISECONDS), limit);
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** One background load of the recently-added list at a time. */
    private CompletableFuture<List<PlexItemView>> refreshRecentlyAdded() {
        CompletableFuture<List<PlexItemView>> next = new CompletableFuture<>();
        CompletableFuture<List<PlexItemView>> running = recentRefresh.compareAndExchange(null, next);
        if (running != null) {
            return running;
        }
        Thread.ofVirtual().name("plex-recently-added").start(() -> {
            try {
                next.complete(recentlyAdded().value());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "No recently added items for the dashboard: {0}", e.getMessage());
                next.completeExceptionally(e);
            } finally {
                recentRefresh.compareAndSet(next, null);
            }
        });
        return next;
    }

    private static List<PlexItemView> first(List<PlexItemView> items, int limit) {
        return List.copyOf(items.subList(0, Math.min(Math.max(limit, 0), items.size())));
    }

    public Cached<List<PlexCollectionView>> collections(String sectionKey) {
        return cache.get("collections:" + sectionKey, () -> PlexMapper.collections(client.collections(sectionKey)));
    }

    public Cached<PlexCollectionItems> collection(String collectionKey) {
        return cache.get("collection:" + collectionKey, () -> {
            JsonNode c = client.collectionItems(collectionKey);
            return new PlexCollectionItems(collectionKey, PlexMapper.text(c, "title2"), PlexMapper.items(c));
        });
    }

    /**
     * Asks Plex to scan for new files in {@code directory}: the configured section, else the sections whose
     * folder contains it (scanning only that path), else every section. Failures are logged, never thrown.
     */
    public void refreshFor(Path directory, String sectionKey) {
        if (!client.configured()) {
            return;
        }
        try {
            if (sectionKey != null) {
                client.refresh(sectionKey, directory.toString());
                return;
            }
            List<String> all = new ArrayList<>();
            List<String> matching = new ArrayList<>();
            for (JsonNode d : client.sections().path("Directory")) {
                String key = PlexMapper.text(d, "key");
                all.add(key);
                for (JsonNode location : d.path("Location")) {
                    String path = PlexMapper.text(location, "path");
                    if (path != null && directory.startsWith(Path.of(path))) {
                        matching.add(key);
                    }
                }
            }
            if (matching.isEmpty()) {
                all.forEach(key -> client.refresh(key, null));
            } else {
                matching.forEach(key -> client.refresh(key, directory.toString()));
            }
        } catch (UpstreamException e) {
            LOG.log(System.Logger.Level.WARNING, "Plex library refresh failed: {0}", e.getMessage());
        }
    }

    /** Artwork bytes and content type by Plex's server-relative path (not cached here: the portal caches them). */
    public app.medianest.server.upstream.UpstreamHttp.Answer image(String path) {
        return client.image(path);
    }

    /** Forgets every cached answer (the Plex configuration changed). */
    public void clearCache() {
        cache.invalidateAll();
    }

    private Integer count(String sectionKey) {
        try {
            return PlexMapper.total(client.sectionSize(sectionKey));
        } catch (UpstreamException e) {
            if (e.kind() == UpstreamException.Kind.CLIENT_ERROR) {
                return null;
            }
            throw e;
        }
    }
}
