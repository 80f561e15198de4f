package app.medianest.model.plex;

import java.time.Instant;

/**
 * One Plex item (movie, show, season or episode). Unset attributes are {@code null}.
 *
 * @param ratingKey Plex's key of the item
 * @param type      {@code movie}, {@code show}, {@code season}, {@code episode}, ...
 * @param title     display title
 * @param year      release year
 * @param summary   plot summary
 * @param thumb     server-relative thumbnail path (fetched from Plex with a token)
 * @param duration  length in milliseconds
 * @param addedAt   when the item was added to the library
 */
public record PlexItemView(String ratingKey, String type, String title, Integer year, String summary, String thumb,
                           Long duration, Instant addedAt) {
}
