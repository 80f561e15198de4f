package app.medianest.server.testing;

import app.medianest.fakes.SampleTitle;

import java.util.ArrayList;
import java.util.List;

/**
 * Every page of the family portal, with who opens it: the one list that browser checks (rendering, accessibility
 * scans, page weight, screenshots) iterate. A page added to the portal belongs here.
 */
public final class PortalPages {
    /** Who looks at a page. */
    public enum Viewer { SIGNED_OUT, MEMBER, ADMIN }

    /**
     * One page.
     *
     * @param name   a short stable name (file names of screenshots, test display names)
     * @param path   path and query to open
     * @param viewer who opens it
     */
    public record Page(String name, String path, Viewer viewer) {
    }

    private PortalPages() {
    }

    /** Every page of {@code server} (paths with ids are filled from its simulated catalogue and libraries). */
    public static List<Page> all(PortalServer server) {
        SampleTitle show = server.upstreams().overseerr().catalog().shows().getFirst();
        SampleTitle movie = server.upstreams().overseerr().catalog().movies().getFirst();
        var plex = server.components().integrations().plex();
        String library = plex.libraries().value().getFirst().key();
        String collection = plex.libraries().value().stream()
                .flatMap(l -> plex.collections(l.key()).value().stream()).findFirst()
                .orElseThrow(() -> new AssertionError("the simulated Plex has collections")).ratingKey();
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("signin", "/signin", Viewer.SIGNED_OUT));
        pages.add(new Page("plex-signin", "/signin/plex", Viewer.SIGNED_OUT));
        for (Viewer v : List.of(Viewer.MEMBER, Viewer.ADMIN)) {
            String p = v == Viewer.ADMIN ? "admin-" : "";
            pages.add(new Page(p + "home", "/", v));
            pages.add(new Page(p + "search", "/search?q=the", v));
            pages.add(new Page(p + "title-tv", "/title/tv/" + show.tmdbId(), v));
            pages.add(new Page(p + "title-movie", "/title/movie/" + movie.tmdbId(), v));
            pages.add(new Page(p + "requests", "/requests", v));
            pages.add(new Page(p + "requests-pending", "/requests?status=pending", v));
            pages.add(new Page(p + "notifications", "/notifications", v));
            pages.add(new Page(p + "plex", "/plex", v));
            pages.add(new Page(p + "plex-library", "/plex/library/" + library, v));
            pages.add(new Page(p + "plex-collections", "/plex/library/" + library + "/collections", v));
            pages.add(new Page(p + "plex-collection", "/plex/collection/" + collection, v));
            pages.add(new Page(p + "plex-search", "/plex/search?q=the", v));
            pages.add(new Page(p + "youtube", "/youtube", v));
            pages.add(new Page(p + "status", "/status", v));
            pages.add(new Page(p + "account", "/account", v));
        }
        pages.add(new Page("admin-approvals", "/admin/requests", Viewer.ADMIN));
        pages.add(new Page("admin-users", "/admin/users", Viewer.ADMIN));
        return List.copyOf(pages);
    }

    /** The pages {@code viewer} opens. */
    public static List<Page> of(PortalServer server, Viewer viewer) {
        return all(server).stream().filter(p -> p.viewer() == viewer).toList();
    }
}
