package app.medianest.model.plex;

import java.time.Instant;

/**
 * A Plex collection of one library section.
 *
 * @param ratingKey  key of the collection, used by {@code GET /api/v1/plex/collections/{key}}
 * @param title      display title
 * @param subtype    what it collects ({@code movie}, {@code show}, ...)
 * @param childCount number of items, or {@code null}
 * @param summary    description
 * @param thumb      server-relative image path
 * @param addedAt    creation time, or {@code null}
 */
public record PlexCollectionView(String ratingKey, String title, String subtype, Integer childCount, String summary,
                                 String thumb, Instant addedAt) {
}
