package app.medianest.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Type-specific attributes of Plex metadata items, with deterministic watch state and media files. */
final class PlexItemJson {

    private PlexItemJson() {
    }

    static void topLevel(ObjectNode node, PlexItem item, PlexLibrary library) {
        SampleTitle title = item.source();
        String titleSort = sortTitle(title.title());
        if (!titleSort.equals(title.title())) {
            node.put("titleSort", titleSort);
        }
        if (title.originalTitle() != null) {
            node.put("originalTitle", title.originalTitle());
        }
        node.put("summary", title.overview()).put("year", title.year())
                .put("originallyAvailableAt", title.releaseDate()).put("contentRating", title.contentRating())
                .put("studio", title.studio()).put("rating", title.rating()).put("audienceRating", title.rating())
                .put("thumb", image(item, "thumb")).put("art", image(item, "art"))
                .put("duration", title.runtime() * 60_000L);
        if (item.type().equals("movie")) {
            if (watchCount(item) > 0) {
                node.put("viewCount", watchCount(item)).put("lastViewedAt", item.addedAt() + 3 * 86_400L);
            }
            node.set("Media", media(item, "/data/movies/" + title.titleWithYear() + "/" + title.titleWithYear()));
        } else {
            List<PlexItem> seasons = library.children(item.ratingKey());
            node.put("index", 1).put("childCount", seasons.size()).put("leafCount", title.episodeCount())
                    .put("viewedLeafCount", seasons.stream().mapToInt(s -> viewed(s, library)).sum());
        }
        tags(node, "Genre", title.genres());
        List<String> collections = library.collectionsOf(item.ratingKey()).stream()
                .map(c -> c.source().title()).toList();
        if (!collections.isEmpty()) {
            tags(node, "Collection", collections);
        }
        tags(node, "Country", List.of("United States of America"));
    }

    static void season(ObjectNode node, PlexItem item, PlexLibrary library) {
        PlexItem show = library.item(item.parentRatingKey()).orElseThrow();
        node.put("parentRatingKey", show.ratingKey()).put("parentGuid", PlexJson.plexGuid(show))
                .put("parentKey", "/library/metadata/" + show.ratingKey()).put("parentTitle", show.title())
                .put("parentYear", show.source().year()).put("summary", "").put("index", item.index())
                .put("thumb", image(item, "thumb")).put("parentThumb", image(show, "thumb"))
                .put("leafCount", library.children(item.ratingKey()).size())
                .put("viewedLeafCount", viewed(item, library));
    }

    static void episode(ObjectNode node, PlexItem item, PlexLibrary library) {
        PlexItem season = library.item(item.parentRatingKey()).orElseThrow();
        PlexItem show = library.item(item.grandparentRatingKey()).orElseThrow();
        SampleTitle title = show.source();
        node.put("parentRatingKey", season.ratingKey()).put("grandparentRatingKey", show.ratingKey())
                .put("parentKey", "/library/metadata/" + season.ratingKey())
                .put("grandparentKey", "/library/metadata/" + show.ratingKey())
                .put("parentTitle", season.title()).put("grandparentTitle", show.title())
                .put("contentRating", title.contentRating()).put("summary", "")
                .put("index", item.index()).put("parentIndex", item.parentIndex())
                .put("year", title.year() + item.parentIndex() - 1)
                .put("thumb", image(item, "thumb")).put("parentThumb", image(season, "thumb"))
                .put("grandparentThumb", image(show, "thumb")).put("duration", title.runtime() * 60_000L);
        if (watchCount(item) > 0) {
            node.put("viewCount", watchCount(item)).put("lastViewedAt", item.addedAt() + 86_400L);
        }
        String name = String.format("%s - S%02dE%02d", title.title(), item.parentIndex(), item.index());
        node.set("Media", media(item,
                String.format("/data/tv/%s/Season %02d/%s", title.titleWithYear(), item.parentIndex(), name)));
    }

    /** Movies with a TMDB id divisible by 3 and season 1 of shows with an even id count as watched. */
    static int watchCount(PlexItem item) {
        return switch (item.type()) {
            case "movie" -> item.source().tmdbId() % 3 == 0 ? 1 + item.source().tmdbId() % 4 : 0;
            case "episode" -> item.parentIndex() == 1 && item.source().tmdbId() % 2 == 0 ? 1 : 0;
            default -> 0;
        };
    }

    private static int viewed(PlexItem season, PlexLibrary library) {
        return (int) library.children(season.ratingKey()).stream().filter(e -> watchCount(e) > 0).count();
    }

    static String image(PlexItem item, String kind) {
        return "/library/metadata/" + item.ratingKey() + "/" + kind + "/" + item.updatedAt();
    }

    static String sortTitle(String title) {
        for (String article : List.of("The ", "A ", "An ")) {
            if (title.startsWith(article)) {
                return title.substring(article.length());
            }
        }
        return title;
    }

    private static void tags(ObjectNode node, String name, List<String> values) {
        ArrayNode array = node.putArray(name);
        values.forEach(value -> array.addObject().put("tag", value));
    }

    private static ArrayNode media(PlexItem item, String fileWithoutExtension) {
        long duration = item.source().runtime() * 60_000L;
        boolean uhd = item.source().year() >= 2015;
        int bitrate = uhd ? 24_000 : 8_000;
        long id = Long.parseLong(item.ratingKey()) * 10;
        ArrayNode media = Json.array();
        ObjectNode entry = media.addObject()
                .put("id", id + 1).put("duration", duration).put("bitrate", bitrate)
                .put("width", uhd ? 3840 : 1920).put("height", uhd ? 2160 : 1080).put("aspectRatio", 1.78)
                .put("audioChannels", 6).put("audioCodec", "eac3").put("videoCodec", uhd ? "hevc" : "h264")
                .put("videoResolution", uhd ? "4k" : "1080").put("container", "mkv").put("videoFrameRate", "24p");
        entry.putArray("Part").addObject()
                .put("id", id + 2).put("key", "/library/parts/" + (id + 2) + "/" + item.updatedAt() + "/file.mkv")
                .put("duration", duration).put("file", fileWithoutExtension + ".mkv")
                .put("size", duration / 1000 * bitrate * 125).put("container", "mkv");
        return media;
    }
}
