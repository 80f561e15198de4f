package app.medianest.server.dashboard;

import java.util.List;

/**
 * The dashboard's "recently added" items. The Plex integration implements it; without it, and whenever Plex is
 * not configured, the list is empty. An implementation answers from its cache without waiting on Plex,
 * and returns an empty list rather than throwing when Plex is down (a throw is logged and treated as empty).
 */
@FunctionalInterface
public interface RecentlyAddedSource {
    /** Nothing recently added (Plex not configured). */
    RecentlyAddedSource NONE = limit -> List.of();

    /**
     * Up to {@code limit} items, newest first, each a JSON-serialisable record (the Plex item view of the
     * contract: {@code ratingKey, type, title, year, summary, thumb, duration, addedAt}).
     */
    List<?> recentlyAdded(int limit);
}
