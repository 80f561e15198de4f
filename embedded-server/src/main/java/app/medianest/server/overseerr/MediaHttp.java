package app.medianest.server.overseerr;

import app.medianest.model.MediaType;
import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;
import app.medianest.server.resilience.Cached;

/**
 * {@code GET /api/v1/media/search} and {@code GET /api/v1/media/{movie|tv}/{tmdbId}} through Overseerr, with
 * {@code X-Cache} like the Plex routes.
 *
 * <p>Register these routes <em>after</em> the request routes ({@code /api/v1/media/requests/...}): the
 * {@code /api/v1/media/{type}/{tmdbId}} route answers 400 for any other type and would otherwise shadow
 * {@code GET /api/v1/media/requests/{id}}.
 */
public final class MediaHttp {
    private final MediaSearchService media;

    public MediaHttp(MediaSearchService media) {
        this.media = media;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/media/search", Access.USER, this::search)
                .get("/api/v1/media/movie/{tmdbId}", Access.USER, ex -> details(ex, MediaType.MOVIE))
                .get("/api/v1/media/tv/{tmdbId}", Access.USER, ex -> details(ex, MediaType.TV))
                .get("/api/v1/media/{type}/{tmdbId}", Access.USER, MediaHttp::unknownType);
    }

    private void search(Exchange ex) {
        Validator v = new Validator();
        String query = v.string("query", ex.query("query").orElse(null), 1, 200, true);
        int page = ex.query("page").map(p -> v.parse("page", p, MediaHttp::page)).orElse(1);
        v.check();
        Cached<MediaSearchService.SearchPage> result = media.search(query, page);
        ex.response().header("X-Cache", result.state().name());
        MediaSearchService.SearchPage p = result.value();
        ex.ok(p.results(), Exchange.meta("page", p.page(), "totalPages", p.totalPages(), "totalResults",
                p.totalResults()));
    }

    private void details(Exchange ex, MediaType type) {
        Validator v = new Validator();
        Integer tmdbId = v.parse("tmdbId", ex.pathParam("tmdbId"), MediaHttp::tmdbId);
        v.check();
        Cached<?> result = media.details(type, tmdbId);
        ex.response().header("X-Cache", result.state().name());
        ex.ok(result.value());
    }

    private static void unknownType(Exchange ex) {
        throw ApiException.validation("type", "must be movie or tv");
    }

    private static int page(String raw) {
        try {
            int page = Integer.parseInt(raw.strip());
            if (page < 1 || page > 500) {
                throw new IllegalArgumentException("must be between 1 and 500");
            }
            return page;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number between 1 and 500");
        }
    }

    private static int tmdbId(String raw) {
        try {
            int id = Integer.parseInt(raw);
            if (id < 1) {
                throw new IllegalArgumentException("must be a positive TMDB id");
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a positive TMDB id");
        }
    }
}
