package app.medianest.server.portal;

import app.medianest.model.MediaRequestView;
import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.model.ServiceStatusView;
import app.medianest.model.media.MediaDetails;
import app.medianest.model.plex.PlexItemView;
import app.medianest.server.db.Page;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Validator;
import app.medianest.server.overseerr.MediaSearchService;
import app.medianest.server.requests.RequestFilter;
import app.medianest.server.requests.RequestsHttp;
import app.medianest.server.resilience.CacheState;
import app.medianest.server.resilience.Cached;
import app.medianest.server.upstream.UpstreamException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Home, search, the title page with its request button, and "my requests" with cancel. */
final class MediaPages {
    /** Requests per page of "my requests". */
    static final int PAGE = 20;
    /** A member's latest requests on the home page. */
    static final int HOME_REQUESTS = 5;

    private final Portal portal;

    MediaPages(Portal portal) {
        this.portal = portal;
    }

    void routes() {
        portal.get("/", Portal.Who.MEMBER, this::home);
        portal.get("/search", Portal.Who.MEMBER, this::search);
        portal.get("/title/{type}/{tmdbId}", Portal.Who.MEMBER, this::title);
        portal.post("/title/{type}/{tmdbId}/request", Portal.Who.MEMBER, this::request);
        portal.get("/requests", Portal.Who.MEMBER, this::myRequests);
        portal.post("/requests/{id}/cancel", Portal.Who.MEMBER, this::cancel);
    }

    private void home(Web web) {
        var c = portal.components();
        UUID me = web.user().userId();
        Map<String, Object> m = new HashMap<>();
        m.put("ctx", web.ctx("Home", "home"));
        RowsPage mine = null;
        if (me != null) {
            String csrf = web.csrf();
            mine = c.portalMyRequests().getForUser(me, RowsPage.key(csrf, "home"), () -> {
                Page<MediaRequestView> page = c.requestService().list(RequestFilter.NONE.withUser(me), "createdAt",
                        true, null, HOME_REQUESTS);
                return RowsPage.of(page, "/requests?", portal.render("request-rows", Map.of("items", page.items(),
                        "csrf", csrf, "back", "/")));
            });
        }
        m.put("count", mine == null ? 0 : mine.count());
        m.put("rows", mine == null ? null : mine.content());
        List<PlexItemView> recent;
        try {
            recent = c.integrations().plex().recentlyAdded(12);
        } catch (RuntimeException e) {
            recent = null;
        }
        m.put("recent", recent);
        m.put("statusLine", statusLine(c.serviceStatus().findAll()));
        web.page("home", m);
    }

    /** "All services up", or which are down / not checked. */
    static String statusLine(List<ServiceStatusView> all) {
        if (all.isEmpty()) {
            return "Service status is not known yet.";
        }
        List<String> down = new ArrayList<>();
        for (ServiceStatusView s : all) {
            if (s.status() != app.medianest.model.ServiceState.UP) {
                down.add(Fmt.serviceName(s) + " " + s.status().toString().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return down.isEmpty() ? "All " + all.size() + " services are up." : String.join(", ", down) + ".";
    }

    private void search(Web web) {
        String q = web.query("q").orElse("");
        Map<String, Object> m = new HashMap<>();
        m.put("ctx", web.ctx(q.isEmpty() ? "Search" : "Search: " + q, "search"));
        m.put("q", q);
        m.put("results", List.of());
        m.put("error", null);
        m.put("stale", false);
        if (q.length() > 200) {
            throw ApiException.validation("q", "The search is too long (at most 200 characters).");
        }
        int status = 200;
        if (!q.isEmpty()) {
            try {
                Cached<MediaSearchService.SearchPage> r = portal.components().integrations().media().search(q, 1);
                m.put("results", r.value().results());
                m.put("stale", r.state() == CacheState.STALE);
            } catch (UpstreamException e) {
                m.put("error", "Search is not available right now: Overseerr is not answering. Your requests "
                        + "and the Plex library still work.");
                status = 503;
            }
        }
        web.page(status, "search", m);
    }

    static MediaType type(String raw) {
        return switch (raw) {
            case "movie" -> MediaType.MOVIE;
            case "tv" -> MediaType.TV;
            default -> throw ApiException.notFound("There is no such title.");
        };
    }

    static int tmdbId(String raw) {
        try {
            int id = Integer.parseInt(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.notFound("There is no such title.");
    }

    private void title(Web web) {
        MediaType type = type(web.path("type"));
        int id = tmdbId(web.path("tmdbId"));
        MediaDetails details = null;
        boolean stale = false;
        String error = null;
        try {
            Cached<MediaDetails> d = portal.components().integrations().media().details(type, id);
            details = d.value();
            stale = d.state() == CacheState.STALE;
        } catch (UpstreamException e) {
            if (e.kind() == UpstreamException.Kind.CLIENT_ERROR && e.status() == 404) {
                throw ApiException.notFound("There is no such title.");
            }
            error = "The details of this title cannot be loaded right now (Overseerr is not answering).";
        }
        MediaRequestView existing = portal.components().requestService().active(type, id).orElse(null);
        Map<String, Object> m = new HashMap<>();
        String name = details != null ? details.title() : existing != null ? existing.title() : "Title " + id;
        m.put("ctx", web.ctx(name, ""));
        m.put("type", type.wire());
        m.put("tmdbId", id);
        m.put("name", name);
        m.put("details", details);
        m.put("stale", stale);
        m.put("error", error);
        m.put("existing", existing);
        m.put("mine", existing != null && existing.userId() != null && existing.userId().equals(web.user().userId()));
        web.page(error != null && existing == null ? 503 : 200, "title", m);
    }

    private void request(Web web) {
        MediaType type = type(web.path("type"));
        int id = tmdbId(web.path("tmdbId"));
        Validator v = new Validator();
        List<Integer> given = new ArrayList<>();
        for (String s : web.fields("season")) {
            try {
                given.add(Integer.parseInt(s.strip()));
            } catch (NumberFormatException e) {
                v.fail("season", "must be a season number");
            }
        }
        List<Integer> seasons = RequestsHttp.seasons(v, type, given);
        String title = v.text("title", web.field("title").orElse(null), 500);
        v.check();
        String shown = title;
        try {
            shown = portal.components().integrations().media().details(type, id).value().title();
        } catch (UpstreamException e) {
            // the title the page showed is used
        }
        if (shown == null || shown.isBlank()) {
            shown = "TMDB " + type.wire() + " " + id;
        }
        portal.components().requestService().create(web.user(), type, id, shown, seasons);
        web.redirect("/title/" + type.wire() + "/" + id, "requested");
    }

    private void myRequests(Web web) {
        UUID me = web.user().userId();
        if (me == null) {
            throw ApiException.forbidden("This account cannot own requests.");
        }
        RequestStatus status = web.query("status").map(s -> {
            try {
                return RequestStatus.parse(s);
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("status", "Unknown status filter \"" + s + "\".");
            }
        }).orElse(null);
        String cursor = web.query("cursor").orElse(null);
        String csrf = web.csrf();
        String wire = status == null ? "" : status.wire();
        String back = "/requests" + (status == null ? "" : "?status=" + wire);
        RowsPage rows;
        try {
            rows = portal.components().portalMyRequests().getForUser(me, RowsPage.key(csrf, wire, cursor),
                    () -> {
                        Page<MediaRequestView> page = portal.components().requestService().list(
                                new RequestFilter(me, status, null, null, null, null), "createdAt", true, cursor, PAGE);
                        return RowsPage.of(page, "/requests?" + (status == null ? "" : "status=" + wire + "&"),
                                portal.render("request-rows", Map.of("items", page.items(), "csrf", csrf,
                                        "back", back)));
                    });
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", "This \"load more\" link is not valid any more.");
        }
        Map<String, Object> m = new HashMap<>();
        m.put("ctx", web.ctx("My requests", "requests"));
        m.put("count", rows.count());
        m.put("rows", rows.content());
        m.put("status", wire);
        m.put("more", rows.more());
        web.page("requests", m);
    }

    private void cancel(Web web) {
        UUID id;
        try {
            id = UUID.fromString(web.path("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("There is no such request.");
        }
        portal.components().requestService().delete(web.user(), id);
        web.redirect(AuthPages.safeNext(web.field("back").orElse("/requests")), "cancelled");
    }
}
