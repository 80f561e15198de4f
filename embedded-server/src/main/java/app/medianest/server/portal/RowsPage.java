package app.medianest.server.portal;

/**
 * One page of a list (the approval queue, a member's requests) as rendered for one session (its CSRF token is in
 * every row's forms) in one minute (the rows say how long ago each request was made): how many rows, the link to
 * the next page (or null) and the rows' HTML.
 */
public record RowsPage(int count, String more, byte[] rows) {

    /**
     * The rows of {@code page}, rendered as {@code rows}, with a "more" link to the next page when there is one.
     *
     * @param page the page of the list
     * @param next the list's URL before its cursor: a path and {@code ?}, or a query ending in {@code &}
     * @param rows the rendered rows
     * @return the rendered page
     */
    static RowsPage of(app.medianest.server.db.Page<?> page, String next, byte[] rows) {
        return new RowsPage(page.items().size(),
                page.nextCursor() == null ? null : next + "cursor=" + Web.enc(page.nextCursor()), rows);
    }

    /** The rows as template content, written as rendered. */
    gg.jte.Content content() {
        return out -> out.writeBinaryContent(rows);
    }

    /**
     * The key of a page rendered for {@code csrf} now: what chose the rows ({@code parts}, each absent one null, so
     * a search for "null" is not the list without a search), the session and the minute.
     */
    static String key(String csrf, String... parts) {
        StringBuilder key = new StringBuilder(csrf).append('|').append(Math.floorDiv(System.currentTimeMillis(),
                60_000L));
        for (String part : parts) {
            key.append('|');
            if (part != null) {
                key.append(part.length()).append(':').append(part);
            }
        }
        return key.toString();
    }
}
