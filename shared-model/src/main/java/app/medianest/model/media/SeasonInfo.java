package app.medianest.model.media;

/**
 * One season of a series.
 *
 * @param seasonNumber 0 holds specials
 * @param name         display name
 * @param episodeCount episodes, or {@code null}
 * @param airDate      {@code YYYY-MM-DD}, or {@code null}
 * @param availability library state of the season
 */
public record SeasonInfo(int seasonNumber, String name, Integer episodeCount, String airDate,
                         Availability availability) {
}
