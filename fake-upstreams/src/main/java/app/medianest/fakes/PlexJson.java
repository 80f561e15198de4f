package app.medianest.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Renders Plex Media Server JSON shapes (upstreams.md section 2); unset attributes are omitted as Plex does. */
final class PlexJson {

    static final String MOVIES_UUID = "e69655a2-ef48-4aba-bb19-01e7d3cc34d6";
    static final String SHOWS_UUID = "4bb2521c-8ba9-459b-aaee-8ab8bc35eabd";

    private PlexJson() {
    }

    static ObjectNode wrap(ObjectNode container) {
        ObjectNode body = Json.object();
        body.set("MediaContainer", container);
        return body;
    }

    static String sectionTitle(String sectionKey) {
        return sectionKey.equals(PlexLibrary.MOVIES) ? "Movies" : "TV Shows";
    }

    static ObjectNode section(String key, boolean refreshing, long scannedAt) {
        boolean movies = key.equals(PlexLibrary.MOVIES);
        ObjectNode node = Json.object()
                .put("allowSync", true).put("art", "/:/resources/" + (movies ? "movie" : "show") + "-fanart.jpg")
                .put("composite", "/library/sections/" + key + "/composite/" + scannedAt)
                .put("filters", true).put("refreshing", refreshing)
                .put("thumb", "/:/resources/" + (movies ? "movie" : "show") + ".png")
                .put("key", key).put("type", movies ? "movie" : "show").put("title", sectionTitle(key))
                .put("agent", movies ? "tv.plex.agents.movie" : "tv.plex.agents.series")
                .put("scanner", movies ? "Plex Movie" : "Plex TV Series").put("language", "en-US")
                .put("uuid", movies ? MOVIES_UUID : SHOWS_UUID)
                .put("updatedAt", scannedAt).put("createdAt", 1_600_000_000L).put("scannedAt", scannedAt)
                .put("content", true).put("directory", true).put("contentChangedAt", scannedAt / 1000)
                .put("hidden", 0);
        node.putArray("Location").addObject().put("id", movies ? 1 : 2).put("path", movies ? "/data/movies" : "/data/tv");
        return node;
    }

    /** A library listing container (section fields included). */
    static ObjectNode sectionContainer(String sectionKey, String viewGroup) {
        return Json.object()
                .put("allowSync", true).put("identifier", "com.plexapp.plugins.library")
                .put("librarySectionID", Integer.parseInt(sectionKey))
                .put("librarySectionTitle", sectionTitle(sectionKey))
                .put("librarySectionUUID", sectionKey.equals(PlexLibrary.MOVIES) ? MOVIES_UUID : SHOWS_UUID)
                .put("mediaTagPrefix", "/system/bundle/media/flags/").put("mediaTagVersion", 1_716_000_000L)
                .put("title1", sectionTitle(sectionKey)).put("viewGroup", viewGroup);
    }

    static ArrayNode items(List<PlexItem> items, PlexLibrary library, boolean guids) {
        ArrayNode array = Json.array();
        items.forEach(item -> array.add(item(item, library, guids)));
        return array;
    }

    static ObjectNode item(PlexItem item, PlexLibrary library, boolean guids) {
        ObjectNode node = Json.object()
                .put("ratingKey", item.ratingKey()).put("key", item.key())
                .put("guid", plexGuid(item)).put("type", item.type()).put("title", item.title())
                .put("librarySectionID", Integer.parseInt(item.sectionKey()))
                .put("librarySectionTitle", sectionTitle(item.sectionKey()));
        switch (item.type()) {
            case "season" -> PlexItemJson.season(node, item, library);
            case "episode" -> PlexItemJson.episode(node, item, library);
            default -> PlexItemJson.topLevel(node, item, library);
        }
        node.put("addedAt", item.addedAt()).put("updatedAt", item.updatedAt());
        if (guids && (item.type().equals("movie") || item.type().equals("show"))) {
            ArrayNode guidArray = node.putArray("Guid");
            SampleTitle title = item.source();
            if (title.imdbId() != null) {
                guidArray.addObject().put("id", "imdb://" + title.imdbId());
            }
            guidArray.addObject().put("id", "tmdb://" + title.tmdbId());
            if (title.tvdbId() != null) {
                guidArray.addObject().put("id", "tvdb://" + title.tvdbId());
            }
        }
        return node;
    }

    static ObjectNode collection(PlexLibrary.Collection collection) {
        String base = "/library/collections/" + collection.ratingKey();
        return Json.object()
                .put("ratingKey", collection.ratingKey()).put("key", base + "/children")
                .put("guid", "collection://" + UUID.nameUUIDFromBytes(
                        collection.source().title().getBytes(StandardCharsets.UTF_8)))
                .put("type", "collection").put("title", collection.source().title()).put("subtype", "movie")
                .put("summary", collection.source().summary()).put("index", Integer.parseInt(collection.ratingKey()))
                .put("childCount", collection.memberKeys().size()).put("smart", 0)
                .put("thumb", base + "/composite/" + collection.addedAt())
                .put("addedAt", collection.addedAt()).put("updatedAt", collection.addedAt() + 3600);
    }

    static String plexGuid(PlexItem item) {
        long seed = switch (item.type()) {
            case "movie" -> item.source().tmdbId();
            case "show" -> item.source().tmdbId() + 1_000_000L;
            default -> Long.parseLong(item.ratingKey()) + 2_000_000L;
        };
        return "plex://" + item.type() + "/" + String.format("5d7768ba%016x", seed * 0x9E3779B97F4A7C15L);
    }
}
