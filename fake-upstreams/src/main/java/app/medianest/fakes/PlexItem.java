package app.medianest.fakes;

/**
 * One node of the fake Plex library: a movie, show, season or episode.
 *
 * @param ratingKey            Plex rating key
 * @param type                 {@code movie}, {@code show}, {@code season} or {@code episode}
 * @param sectionKey           library section key
 * @param source               the catalogue title (the show, for seasons and episodes)
 * @param addedAt              epoch seconds
 * @param index                season or episode number (0 for movies and shows)
 * @param parentIndex          season number of an episode, else 0
 * @param parentRatingKey      the show of a season or the season of an episode, else {@code null}
 * @param grandparentRatingKey the show of an episode, else {@code null}
 */
record PlexItem(String ratingKey, String type, String sectionKey, SampleTitle source, long addedAt, int index,
                int parentIndex, String parentRatingKey, String grandparentRatingKey) {

    String title() {
        return switch (type) {
            case "season" -> "Season " + index;
            case "episode" -> "Episode " + index;
            default -> source.title();
        };
    }

    long updatedAt() {
        return addedAt + 3600;
    }

    /** Plex's {@code key}: shows and seasons point at their children. */
    String key() {
        String base = "/library/metadata/" + ratingKey;
        return type.equals("show") || type.equals("season") ? base + "/children" : base;
    }

    /** Plex's numeric type code used by {@code ?type=}. */
    int typeCode() {
        return switch (type) {
            case "movie" -> 1;
            case "show" -> 2;
            case "season" -> 3;
            default -> 4;
        };
    }
}
