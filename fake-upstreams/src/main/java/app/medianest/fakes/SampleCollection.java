package app.medianest.fakes;

import java.util.List;

/**
 * A named group of titles, shown as a Plex collection.
 *
 * @param title   collection name
 * @param tmdbIds TMDB ids of its members, in order
 * @param summary one-line description
 */
public record SampleCollection(String title, List<Integer> tmdbIds, String summary) {

    /** Copies the id list. */
    public SampleCollection {
        tmdbIds = List.copyOf(tmdbIds);
        summary = summary == null ? "" : summary;
    }
}
