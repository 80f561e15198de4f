package app.medianest.server.portal;

import app.medianest.server.http.Principal;

/**
 * What the layout needs on every page: the title, who is signed in, the CSRF token for forms, the unread
 * notification count, which navigation entry is current, a one-line notice after a form post, and the assets.
 *
 * @param title  the page's title (also the h1 unless the page has its own)
 * @param user   the signed-in person, or null
 * @param csrf   the CSRF token for this session (or pre-session)
 * @param unread unread notifications
 * @param nav    the current navigation entry ({@code home}, {@code search}, ...)
 * @param notice a message to show at the top, or null
 * @param assets hashed asset URLs
 */
public record Ctx(String title, Principal user, String csrf, long unread, String nav, String notice, Assets assets) {
    public boolean signedIn() {
        return user != null;
    }

    public boolean admin() {
        return user != null && user.isAdmin();
    }

    public String asset(String name) {
        return assets.url(name);
    }

    /** {@code aria-current="page"} for the current navigation entry. */
    public String current(String entry) {
        return entry.equals(nav) ? "page" : null;
    }
}
