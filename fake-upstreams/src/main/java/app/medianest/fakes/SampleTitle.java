package app.medianest.fakes;

import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One title of the sample catalogue, shared by the fake Plex library and the fake Overseerr catalogue so both
 * agree on TMDB/TVDB/IMDb ids.
 *
 * @param mediaType     movie or tv
 * @param tmdbId        TMDB id (what Overseerr calls {@code mediaId})
 * @param tvdbId        TVDB id for series, else {@code null}
 * @param imdbId        IMDb id such as {@code tt0133093}
 * @param title         display title
 * @param originalTitle original-language title, or {@code null} when the same
 * @param year          release (or first air) year
 * @param releaseDate   {@code YYYY-MM-DD} release or first air date
 * @param overview      one-sentence summary
 * @param genres        genre names (TMDB spelling)
 * @param contentRating e.g. {@code PG-13}, {@code TV-MA}
 * @param studio        studio, or network for series
 * @param rating        audience rating 0-10
 * @param runtime       minutes (per episode for series)
 * @param seasons       episodes per season, season 1 first (series only, else empty)
 * @param inLibrary     whether the fake Plex library holds it (Overseerr then reports it AVAILABLE)
 */
public record SampleTitle(MediaType mediaType, int tmdbId, Integer tvdbId, String imdbId, String title,
                          String originalTitle, int year, String releaseDate, String overview, List<String> genres,
                          String contentRating, String studio, double rating, int runtime, List<Integer> seasons,
                          boolean inLibrary) {

    /** Validates and copies. */
    public SampleTitle {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(title, "title");
        if (tmdbId <= 0) {
            throw new IllegalArgumentException("tmdbId must be positive: " + tmdbId);
        }
        genres = genres == null ? List.of() : List.copyOf(genres);
        seasons = seasons == null ? List.of() : List.copyOf(seasons);
        if (mediaType == MediaType.TV && seasons.isEmpty()) {
            throw new IllegalArgumentException("series " + title + " needs at least one season");
        }
    }

    /** True for films. */
    public boolean isMovie() {
        return mediaType == MediaType.MOVIE;
    }

    /** The number of seasons (0 for films). */
    public int seasonCount() {
        return seasons.size();
    }

    /** All episodes over all seasons (0 for films). */
    public int episodeCount() {
        return seasons.stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code Title (YYYY)}, as Overseerr's webhook subject and Plex folder names use it. */
    public String titleWithYear() {
        return title + " (" + year + ")";
    }

    /** The same title with another library flag. */
    public SampleTitle withInLibrary(boolean value) {
        return new SampleTitle(mediaType, tmdbId, tvdbId, imdbId, title, originalTitle, year, releaseDate, overview,
                genres, contentRating, studio, rating, runtime, seasons, value);
    }

    /** A stable TMDB-style relative poster path such as {@code /aB3...xYz.jpg}. */
    public String posterPath() {
        return imagePath(1);
    }

    /** A stable TMDB-style relative backdrop path. */
    public String backdropPath() {
        return imagePath(2);
    }

    private String imagePath(int kind) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        Random random = new Random(tmdbId * 31L + kind + (isMovie() ? 0 : 7));
        StringBuilder path = new StringBuilder("/");
        for (int i = 0; i < 27; i++) {
            path.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return path.append(".jpg").toString();
    }
}
