package app.medianest.model.media;

import app.medianest.model.MediaType;

import java.util.List;

/**
 * {@code GET /api/v1/media/{movie|tv}/{tmdbId}}. {@code seasons} is empty for movies; {@code runtime} is the
 * film's length in minutes ({@code null} for series).
 */
public record MediaDetails(MediaType mediaType, int tmdbId, String title, Integer year, String overview,
                           String posterPath, String backdropPath, Integer runtime, List<String> genres,
                           Availability availability, boolean requested, List<SeasonInfo> seasons) {
    /** Copies the lists. */
    public MediaDetails {
        genres = List.copyOf(genres);
        seasons = List.copyOf(seasons);
    }
}
