package app.medianest.server.portal;

/**
 * One page of a list (the approval queue, a member's requests) as rendered for one session (its CSRF token is in
 * every row's forms) in one minute (the rows say how long ago each request was made): how many rows, the link to
 * the next page (or null) and the rows' HTML.
 */
public record RowsPage(int count, String more, byte[] rows) {

    /** The rows as template content, written as rendered. */
    gg.jte.Content content() {
        return out -> out.writeBinaryContent(rows);
    }

    /** The key of a page rendered for {@code csrf} now: the list's own {@code key}, the session and the minute. */
    static String key(String key, String csrf) {
        return key + "|" + csrf + "|" + Math.floorDiv(System.currentTimeMillis(), 60_000L);
    }
}
