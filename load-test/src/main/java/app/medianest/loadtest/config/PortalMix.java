package app.medianest.loadtest.config;

import java.net.URI;
import java.util.List;

/**
 * The family portal's load (preset {@code portal}): what a family member's phone asks for, as weighted GETs. Pages
 * (home, search, a film's and a series' page, my requests, notifications, status, Plex, YouTube) are sent like a
 * browser sends them: with the member's session in the portal's cookie and {@code Accept-Encoding: gzip}; the JSON
 * API calls of the same members (their requests, notifications, session, service status) carry the bearer token.
 * The title ids are of the demo's sample catalogue ({@code medianest-server demo}), so every page exists there.
 */
public final class PortalMix {

    /** The portal's session cookie (the same opaque session token the API takes as a bearer token). */
    public static final String SESSION_COOKIE = "mn_session";

    /** The mix: 18 parts pages, 6 parts API. */
    public static final String SPEC = "/=4,/search?q=the=2,/title/movie/603=2,/title/tv/1396=2,/requests=3,"
            + "/notifications=1,/status=1,/plex=2,/youtube=1,/api/v1/media/requests=2,"
            + "/api/v1/dashboard/notifications=2,/api/v1/auth/session=1,/api/v1/dashboard/status=1";

    private PortalMix() {
    }

    /**
     * The portal mix ({@link #SPEC}).
     *
     * @return the mix
     */
    public static EndpointMix mix() {
        return EndpointMix.parse(SPEC);
    }

    /** The portal's page paths (its route table's GET pages): a path equal to one, or below one. */
    private static final List<String> PAGES = List.of("/search", "/title", "/requests", "/notifications", "/status",
            "/plex", "/youtube", "/account", "/admin/requests", "/admin/users", "/signin");

    /**
     * Whether a request is for a portal page (sent like a browser, with the session cookie) rather than for the
     * API, the health check or anything else (sent with the bearer token).
     *
     * @param uri the request URI
     * @return true for {@code /} and the portal's pages
     */
    public static boolean isPage(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return path.equals("/") || PAGES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }
}
