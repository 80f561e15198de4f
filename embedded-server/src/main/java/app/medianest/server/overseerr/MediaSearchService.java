package app.medianest.server.overseerr;

import app.medianest.model.MediaType;
import app.medianest.model.media.MediaDetails;
import app.medianest.model.media.MediaSearchResult;
import app.medianest.server.db.Jdbc;
import app.medianest.server.resilience.Cached;
import app.medianest.server.cache.UpstreamCache;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Search and details through Overseerr, cached with the stale fallback. The {@code requested} flag is computed
 * on every call from MediaNest's own requests (never cached) combined with what Overseerr reported.
 */
public final class MediaSearchService {
    private final OverseerrClient client;
    private final UpstreamCache cache;
    private final LocalRequests local;

    public MediaSearchService(OverseerrClient client, UpstreamCache cache, Jdbc jdbc) {
        this.client = client;
        this.cache = cache;
        this.local = new LocalRequests(jdbc);
    }

    /** One page of hits. */
    public record SearchPage(List<MediaSearchResult> results, int page, int totalPages, int totalResults) {
    }

    public Cached<SearchPage> search(String query, int page) {
        Cached<SearchPage> upstream = cache.get("search:" + page + ":" + query.toLowerCase(Locale.ROOT), () -> {
            JsonNode body = client.search(query, page);
            return new SearchPage(OverseerrMapper.results(body), body.path("page").asInt(page),
                    body.path("totalPages").asInt(1), body.path("totalResults").asInt(0));
        });
        SearchPage p = upstream.value();
        Set<String> mine = local.active(p.results().stream()
                .map(r -> LocalRequests.key(r.mediaType(), r.tmdbId())).toList());
        List<MediaSearchResult> marked = p.results().stream().map(r -> mine.contains(LocalRequests.key(r.mediaType(),
                        r.tmdbId())) && !r.requested()
                ? new MediaSearchResult(r.mediaType(), r.tmdbId(), r.title(), r.year(), r.overview(), r.posterPath(),
                        r.availability(), true)
                : r).toList();
        return new Cached<>(new SearchPage(marked, p.page(), p.totalPages(), p.totalResults()), upstream.state());
    }

    public Cached<MediaDetails> details(MediaType type, int tmdbId) {
        Cached<MediaDetails> upstream = cache.get("details:" + type.wire() + ":" + tmdbId,
                () -> OverseerrMapper.details(client.details(type, tmdbId), type, tmdbId));
        MediaDetails d = upstream.value();
        if (d.requested() || local.active(List.of(LocalRequests.key(type, tmdbId))).isEmpty()) {
            return upstream;
        }
        return new Cached<>(new MediaDetails(d.mediaType(), d.tmdbId(), d.title(), d.year(), d.overview(),
                d.posterPath(), d.backdropPath(), d.runtime(), d.genres(), d.availability(), true, d.seasons()),
                upstream.state());
    }

    /** Forgets cached answers (the Overseerr configuration changed). */
    public void clearCache() {
        cache.invalidateAll();
    }
}
