package app.medianest.model.plex;

import java.time.Instant;

/**
 * One Plex library section.
 *
 * @param key       section key, used in the items and collections routes
 * @param type      {@code movie}, {@code show}, {@code artist} or {@code photo}
 * @param title     display title
 * @param itemCount top-level items in the section, or {@code null} when Plex did not say
 * @param updatedAt last change of the section, or {@code null}
 */
public record PlexLibraryView(String key, String type, String title, Integer itemCount, Instant updatedAt) {
}
