package app.medianest.server.db;

import java.util.List;

/** One keyset page: the items and the opaque cursor of the next page ({@code null} on the last page). */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
