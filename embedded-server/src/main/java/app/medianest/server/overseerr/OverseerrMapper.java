package app.medianest.server.overseerr;

import app.medianest.model.MediaType;
import app.medianest.model.media.Availability;
import app.medianest.model.media.MediaDetails;
import app.medianest.model.media.MediaSearchResult;
import app.medianest.model.media.SeasonInfo;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Overseerr JSON (upstreams.md 3.2-3.4) to MediaNest's wire records; lenient about missing fields. */
final class OverseerrMapper {
    static final String POSTER_BASE = "https://image.tmdb.org/t/p/w500";
    static final String BACKDROP_BASE = "https://image.tmdb.org/t/p/w1280";

    private OverseerrMapper() {
    }

    /** Movie and tv hits; people and collections are skipped. */
    static List<MediaSearchResult> results(JsonNode page) {
        List<MediaSearchResult> out = new ArrayList<>();
        for (JsonNode r : page.path("results")) {
            MediaType type = type(r.path("mediaType").asText(""));
            if (type != null && r.path("id").canConvertToInt()) {
                out.add(new MediaSearchResult(type, r.get("id").asInt(), title(r, type), year(r, type),
                        text(r, "overview"), image(POSTER_BASE, r, "posterPath"), availability(r),
                        requestedUpstream(r)));
            }
        }
        return out;
    }

    static MediaDetails details(JsonNode d, MediaType type, int tmdbId) {
        List<String> genres = new ArrayList<>();
        d.path("genres").forEach(g -> genres.add(g.path("name").asText()));
        List<SeasonInfo> seasons = new ArrayList<>();
        if (type == MediaType.TV) {
            Map<Integer, Integer> seasonStatus = new HashMap<>();
            d.path("mediaInfo").path("seasons").forEach(s -> seasonStatus.put(s.path("seasonNumber").asInt(),
                    s.path("status").asInt(1)));
            for (JsonNode s : d.path("seasons")) {
                int number = s.path("seasonNumber").asInt();
                seasons.add(new SeasonInfo(number, text(s, "name"),
                        s.path("episodeCount").canConvertToInt() ? s.get("episodeCount").asInt() : null,
                        text(s, "airDate"), Availability.ofOverseerrStatus(seasonStatus.getOrDefault(number, 1))));
            }
        }
        Integer runtime = type == MediaType.MOVIE && d.path("runtime").canConvertToInt() ? d.get("runtime").asInt()
                : null;
        return new MediaDetails(type, tmdbId, title(d, type), year(d, type), text(d, "overview"),
                image(POSTER_BASE, d, "posterPath"), image(BACKDROP_BASE, d, "backdropPath"), runtime, genres,
                availability(d), requestedUpstream(d), seasons);
    }

    private static MediaType type(String wire) {
        return switch (wire) {
            case "movie" -> MediaType.MOVIE;
            case "tv" -> MediaType.TV;
            default -> null;
        };
    }

    private static String title(JsonNode n, MediaType type) {
        String title = text(n, type == MediaType.MOVIE ? "title" : "name");
        return title != null ? title : text(n, type == MediaType.MOVIE ? "originalTitle" : "originalName");
    }

    private static Integer year(JsonNode n, MediaType type) {
        String date = text(n, type == MediaType.MOVIE ? "releaseDate" : "firstAirDate");
        if (date == null || date.length() < 4) {
            return null;
        }
        try {
            return Integer.parseInt(date.substring(0, 4));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Availability availability(JsonNode n) {
        return Availability.ofOverseerrStatus(n.path("mediaInfo").path("status").asInt(1));
    }

    /** Overseerr holds a pending or approved request for it, or is already fetching it. */
    private static boolean requestedUpstream(JsonNode n) {
        int status = n.path("mediaInfo").path("status").asInt(1);
        if (status == 2 || status == 3) {
            return true;
        }
        for (JsonNode r : n.path("mediaInfo").path("requests")) {
            int s = r.path("status").asInt();
            if (s == 1 || s == 2) {
                return true;
            }
        }
        return false;
    }

    private static String image(String base, JsonNode n, String field) {
        String path = text(n, field);
        return path == null || path.isBlank() ? null : path.startsWith("http") ? path : base + path;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
