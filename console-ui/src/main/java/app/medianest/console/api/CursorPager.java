package app.medianest.console.api;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Remembers the cursors of the pages before the current one, so a cursor-paged table can go back as well as
 * forward. The server never counts rows for a page, so neither does this.
 */
public final class CursorPager {
    private final Deque<String> previous = new ArrayDeque<>();
    private String current;
    private String next;

    /** Back to the first page (filters changed). */
    public void reset() {
        previous.clear();
        current = null;
        next = null;
    }

    /** The cursor to load now (null for the first page). */
    public String current() {
        return current;
    }

    /** Records the loaded page's next cursor. */
    public void loaded(String nextCursor) {
        next = nextCursor;
    }

    public boolean hasNext() {
        return next != null;
    }

    public boolean hasPrevious() {
        return current != null;
    }

    /** Moves forward; returns false on the last page. */
    public boolean forward() {
        if (next == null) {
            return false;
        }
        previous.push(current == null ? "" : current);
        current = next;
        next = null;
        return true;
    }

    /** Moves back; returns false on the first page. */
    public boolean back() {
        if (current == null) {
            return false;
        }
        String p = previous.isEmpty() ? "" : previous.pop();
        current = p.isEmpty() ? null : p;
        next = null;
        return true;
    }

    /** 1-based number of the current page. */
    public int pageNumber() {
        return previous.size() + 1;
    }
}
