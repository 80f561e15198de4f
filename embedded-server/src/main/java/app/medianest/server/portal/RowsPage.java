package app.medianest.server.portal;

/**
 * One page of a list (the approval queue, a member's requests) as rendered for one session (its CSRF token is in
 * every row's forms) in one minute (the rows say how long ago each request was made): how many rows, the link to
 * the next page (or null) and the rows' HTML, with the rows' compressed form made the first time a browser asks
 * for the page compressed ({@link PageGzip}).
 */
public final class RowsPage {
    private final int count;
    private final String more;
    private final byte[] rows;
    private volatile byte[] deflated;

    RowsPage(int count, String more, byte[] rows) {
        this.count = count;
        this.more = more;
        this.rows = rows;
    }

    /** How many rows. */
    public int count() {
        return count;
    }

    /** The link to the next page, or null on the last. */
    public String more() {
        return more;
    }

    /** The rows' HTML. */
    byte[] rows() {
        return rows;
    }

    /** The rows as a raw deflate stream to splice into a page's gzip (made once). */
    byte[] deflated() {
        byte[] d = deflated;
        if (d == null) {
            d = PageGzip.deflatePart(rows);
            deflated = d;
        }
        return d;
    }

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

    /** The rows as template content, written as rendered (and kept apart in a {@link RenderedPage}). */
    gg.jte.Content content() {
        return new Html(this);
    }

    /** The rows of {@code page} as template content. */
    record Html(RowsPage page) implements gg.jte.Content {
        @Override
        public void writeTo(gg.jte.TemplateOutput output) {
            output.writeBinaryContent(page.rows);
        }
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
