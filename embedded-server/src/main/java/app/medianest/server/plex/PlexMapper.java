package app.medianest.server.plex;

import app.medianest.model.plex.PlexCollectionView;
import app.medianest.model.plex.PlexItemView;
import app.medianest.model.plex.PlexLibraryView;
import app.medianest.model.plex.PlexServerInfo;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Plex {@code MediaContainer} JSON to MediaNest's wire records; missing fields and arrays are tolerated. */
final class PlexMapper {
    private PlexMapper() {
    }

    static PlexServerInfo server(JsonNode c) {
        return new PlexServerInfo(text(c, "friendlyName"), text(c, "machineIdentifier"), text(c, "version"),
                text(c, "platform"));
    }

    static List<PlexLibraryView> libraries(JsonNode c, java.util.function.Function<String, Integer> counts) {
        List<PlexLibraryView> out = new ArrayList<>();
        for (JsonNode d : c.path("Directory")) {
            String key = text(d, "key");
            if (key != null) {
                out.add(new PlexLibraryView(key, text(d, "type"), text(d, "title"), counts.apply(key),
                        epoch(d, "updatedAt")));
            }
        }
        return out;
    }

    static List<PlexItemView> items(JsonNode c) {
        List<PlexItemView> out = new ArrayList<>();
        for (JsonNode m : c.path("Metadata")) {
            out.add(item(m));
        }
        return out;
    }

    static PlexItemView item(JsonNode m) {
        return new PlexItemView(text(m, "ratingKey"), text(m, "type"), title(m), integer(m, "year"),
                text(m, "summary"), text(m, "thumb"), m.hasNonNull("duration") ? m.get("duration").asLong() : null,
                epoch(m, "addedAt"));
    }

    /** Episodes and seasons read better with their show: "Show - Season 1". */
    private static String title(JsonNode m) {
        String title = text(m, "title");
        String type = text(m, "type");
        String show = "episode".equals(type) ? text(m, "grandparentTitle")
                : "season".equals(type) ? text(m, "parentTitle") : null;
        return show == null ? title : show + " - " + title;
    }

    static List<PlexItemView> hubItems(JsonNode c) {
        List<PlexItemView> out = new ArrayList<>();
        for (JsonNode hub : c.path("Hub")) {
            String type = text(hub, "type");
            if (type == null || type.equals("movie") || type.equals("show") || type.equals("episode")
                    || type.equals("season")) {
                hub.path("Metadata").forEach(m -> out.add(item(m)));
            }
        }
        return out;
    }

    static List<PlexCollectionView> collections(JsonNode c) {
        List<PlexCollectionView> out = new ArrayList<>();
        for (JsonNode m : c.path("Metadata").isMissingNode() ? c.path("Directory") : c.path("Metadata")) {
            out.add(new PlexCollectionView(text(m, "ratingKey"), text(m, "title"), text(m, "subtype"),
                    integer(m, "childCount"), text(m, "summary"), text(m, "thumb"), epoch(m, "addedAt")));
        }
        return out;
    }

    /** {@code totalSize}, falling back to {@code size} as python-plexapi does. */
    static Integer total(JsonNode c) {
        Integer total = integer(c, "totalSize");
        return total != null ? total : integer(c, "size");
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.canConvertToInt() ? null : v.asInt();
    }

    private static Instant epoch(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.canConvertToLong() ? null : Instant.ofEpochSecond(v.asLong());
    }
}
