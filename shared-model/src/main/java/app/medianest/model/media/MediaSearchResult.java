package app.medianest.model.media;

import app.medianest.model.MediaType;

/**
 * One search hit.
 *
 * @param mediaType    movie or tv
 * @param tmdbId       TMDB id, used to request it
 * @param title        title (tv: name)
 * @param year         release or first-air year, or {@code null}
 * @param overview     plot summary
 * @param posterPath   absolute poster URL, or {@code null}
 * @param availability library state per Overseerr
 * @param requested    true when an active request exists (here or in Overseerr)
 */
public record MediaSearchResult(MediaType mediaType, int tmdbId, String title, Integer year, String overview,
                                String posterPath, Availability availability, boolean requested) {
}
