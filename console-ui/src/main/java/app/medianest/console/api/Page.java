package app.medianest.console.api;

import java.util.List;

/**
 * One page of a cursor-paged list.
 *
 * @param items      the rows
 * @param nextCursor the cursor of the next page, null on the last page
 * @param <T>        row type
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
