package app.medianest.server.requests;

import app.medianest.model.MediaRequestView;
import app.medianest.model.MediaType;
import app.medianest.model.requests.CreateMediaRequest;
import app.medianest.server.db.Page;
import app.medianest.server.http.Access;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.ListParams;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@code /api/v1/media/requests}: create, list mine, my counts, get, delete while pending. */
public final class RequestsHttp {
    /** Most seasons one request may name. */
    static final int MAX_SEASONS = 100;
    /** Highest season number accepted (long-running daily shows number seasons by year). */
    static final int MAX_SEASON_NUMBER = 9999;

    private final RequestService requests;
    private final app.medianest.server.cache.ResponseCache responses;

    /** @param responses per-user cache of "my requests" pages and counts, invalidated on every change to them */
    public RequestsHttp(RequestService requests, app.medianest.server.cache.ResponseCache responses) {
        this.responses = responses;
        this.requests = requests;
    }

    /** Registers the routes; {@code counts} before {@code {id}} so it is not taken for an id. */
    public void routes(RouteTable r) {
        r.post("/api/v1/media/requests", Access.USER, this::create)
                .get("/api/v1/media/requests", Access.USER, this::listMine)
                .get("/api/v1/media/requests/counts", Access.USER, this::myCounts)
                .get("/api/v1/media/requests/{id}", Access.USER, this::getOne)
                .delete("/api/v1/media/requests/{id}", Access.USER, this::deleteOne);
    }

    private void create(Exchange ex) {
        CreateMediaRequest b = ex.body(CreateMediaRequest.class);
        Validator v = new Validator();
        MediaType type = v.parse("mediaType", b.mediaType(), MediaType::parse);
        Long tmdb = b.tmdbId();
        if (tmdb == null) {
            v.fail("tmdbId", "is required");
        } else if (tmdb < 1 || tmdb > Integer.MAX_VALUE) {
            v.fail("tmdbId", "must be a whole number from 1 to " + Integer.MAX_VALUE);
        }
        String title = v.text("title", b.title(), MediaRequestRepository.TITLE_MAX);
        List<Integer> seasons = seasons(v, type, b.seasons());
        v.check();
        int tmdbId = tmdb.intValue();
        String shown = title == null || title.isBlank() ? "TMDB " + type.wire() + " " + tmdbId : title;
        ex.created(requests.create(ex.principal(), type, tmdbId, shown, seasons));
    }

    /** Seasons: tv only; absent or empty means all; else distinct season numbers 1..9999, stored ascending. */
    public static List<Integer> seasons(Validator v, MediaType type, List<Integer> given) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        if (type == MediaType.MOVIE) {
            return v.fail("seasons", "only tv requests have seasons");
        }
        if (given.size() > MAX_SEASONS) {
            return v.fail("seasons", "must name at most " + MAX_SEASONS + " seasons");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Integer s = given.get(i);
            if (s == null || s < 1 || s > MAX_SEASON_NUMBER) {
                return v.fail("seasons[" + i + "]", "must be a season number from 1 to " + MAX_SEASON_NUMBER);
            }
            if (!seen.add(s)) {
                return v.fail("seasons[" + i + "]", "season " + s + " is listed twice");
            }
        }
        List<Integer> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        return sorted;
    }

    private void listMine(Exchange ex) {
        RequestListQuery q = RequestListQuery.parse(ex, false);
        UUID me = RequestService.requireUser(ex.principal());
        RequestFilter mine = q.filter().withUser(me);
        ListParams p = q.page();
        // Keyed by the validated parameters, so equivalent query strings share an entry.
        String key = "requests.mine|" + mine + "|" + p;
        responses.sendForUser(ex, me, key, () -> {
            Page<MediaRequestView> page = p.run(() -> requests.list(mine, p.sort(), p.desc(), p.cursor(), p.limit()));
            return app.medianest.model.Envelope.of(page.items(), Exchange.meta("nextCursor", page.nextCursor(),
                    "limit", p.limit()));
        });
    }

    private void myCounts(Exchange ex) {
        UUID me = RequestService.requireUser(ex.principal());
        responses.sendForUser(ex, me, "requests.counts", () -> requests.counts(me));
    }

    private void getOne(Exchange ex) {
        UUID id = ex.pathId("id", "Request");
        ex.okCacheable(requests.get(ex.principal(), id));
    }

    private void deleteOne(Exchange ex) {
        UUID id = ex.pathId("id", "Request");
        requests.delete(ex.principal(), id);
        ex.ok(Map.of("id", id, "deleted", true));
    }
}
