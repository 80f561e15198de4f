package app.medianest.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.IntFunction;

/** Renders Overseerr v1 JSON shapes (upstreams.md section 3). */
final class OverseerrJson {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Map<String, Integer> GENRE_IDS = Map.ofEntries(
            Map.entry("Action", 28), Map.entry("Adventure", 12), Map.entry("Animation", 16),
            Map.entry("Comedy", 35), Map.entry("Crime", 80), Map.entry("Drama", 18), Map.entry("Family", 10751),
            Map.entry("Fantasy", 14), Map.entry("History", 36), Map.entry("Horror", 27), Map.entry("Music", 10402),
            Map.entry("Mystery", 9648), Map.entry("Romance", 10749), Map.entry("Science Fiction", 878),
            Map.entry("Thriller", 53), Map.entry("Action & Adventure", 10759), Map.entry("Sci-Fi & Fantasy", 10765));

    private final OverseerrStore store;
    private final IntFunction<OverseerrUser> users;

    OverseerrJson(OverseerrStore store, IntFunction<OverseerrUser> users) {
        this.store = store;
        this.users = users;
    }

    static ObjectNode message(String message) {
        return Json.object().put("message", message);
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    ObjectNode user(OverseerrUser user) {
        long requestCount = store.all().stream().filter(r -> r.requestedBy() == user.id()).count();
        return Json.object()
                .put("id", user.id()).put("email", user.email()).put("username", user.username())
                .put("plexUsername", user.username()).put("displayName", user.username())
                .put("avatar", "/os_logo_square.png").put("userType", 1).put("permissions", user.permissions())
                .put("requestCount", requestCount)
                .put("createdAt", "2024-01-01T00:00:00.000Z").put("updatedAt", "2024-01-01T00:00:00.000Z");
    }

    ObjectNode media(OverseerrMedia media, boolean withRequests) {
        SampleTitle title = media.title();
        ObjectNode node = Json.object()
                .put("id", media.id()).put("mediaType", title.mediaType().wireName()).put("tmdbId", title.tmdbId())
                .put("tvdbId", title.tvdbId()).put("imdbId", title.imdbId())
                .put("status", media.status()).put("status4k", media.status4k())
                .put("createdAt", time(media.createdAt())).put("updatedAt", time(media.updatedAt()));
        if (withRequests) {
            ArrayNode requests = node.putArray("requests");
            store.requestsFor(title).forEach(r -> requests.add(request(r, false)));
        }
        if (!title.isMovie()) {
            ArrayNode seasons = node.putArray("seasons");
            for (int season = 1; season <= title.seasonCount(); season++) {
                seasons.addObject().put("id", media.id() * 100 + season).put("seasonNumber", season)
                        .put("status", store.seasonStatus(title, season, false))
                        .put("status4k", store.seasonStatus(title, season, true));
            }
        }
        return node;
    }

    ObjectNode request(OverseerrRequest request, boolean withMedia) {
        ObjectNode node = Json.object()
                .put("id", request.id()).put("status", request.status())
                .put("createdAt", time(request.createdAt())).put("updatedAt", time(request.updatedAt()))
                .put("type", request.mediaType().wireName()).put("is4k", request.is4k())
                .putNull("serverId").putNull("profileId").putNull("rootFolder").putNull("languageProfileId")
                .putNull("tags").put("isAutoRequest", false);
        if (withMedia) {
            store.mediaOf(request.mediaType(), request.tmdbId()).ifPresentOrElse(
                    media -> node.set("media", media(media, false)), () -> node.putNull("media"));
        }
        ArrayNode seasons = node.putArray("seasons");
        for (int season : request.seasons()) {
            seasons.addObject().put("id", request.id() * 100 + season).put("seasonNumber", season)
                    .put("status", request.status())
                    .put("createdAt", time(request.createdAt())).put("updatedAt", time(request.updatedAt()));
        }
        node.set("requestedBy", user(users.apply(request.requestedBy())));
        if (request.modifiedBy() == null) {
            node.putNull("modifiedBy");
        } else {
            node.set("modifiedBy", user(users.apply(request.modifiedBy())));
        }
        return node;
    }

    ObjectNode searchResult(SampleTitle title) {
        ObjectNode node = Json.object().put("id", title.tmdbId()).put("mediaType", title.mediaType().wireName());
        common(node, title);
        if (title.isMovie()) {
            node.put("title", title.title()).put("originalTitle", original(title))
                    .put("releaseDate", title.releaseDate()).put("adult", false).put("video", false);
        } else {
            node.put("name", title.title()).put("originalName", original(title))
                    .put("firstAirDate", title.releaseDate());
            node.putArray("originCountry").add("US");
        }
        ArrayNode genreIds = node.putArray("genreIds");
        title.genres().forEach(genre -> genreIds.add(GENRE_IDS.getOrDefault(genre, 18)));
        store.media(title).ifPresent(media -> node.set("mediaInfo", media(media, true)));
        return node;
    }

    ObjectNode details(SampleTitle title) {
        ObjectNode node = Json.object().put("id", title.tmdbId());
        common(node, title);
        ArrayNode genres = node.putArray("genres");
        title.genres().forEach(g -> genres.addObject().put("id", GENRE_IDS.getOrDefault(g, 18)).put("name", g));
        ObjectNode externalIds = node.putObject("externalIds").put("imdbId", title.imdbId());
        if (title.isMovie()) {
            node.put("imdbId", title.imdbId()).put("title", title.title()).put("originalTitle", original(title))
                    .put("releaseDate", title.releaseDate()).put("runtime", title.runtime())
                    .put("status", "Released").put("tagline", "").put("adult", false);
            ObjectNode credits = node.putObject("credits");
            credits.putArray("cast");
            credits.putArray("crew");
            node.putObject("relatedVideos");
            node.putArray("watchProviders");
        } else {
            externalIds.put("tvdbId", title.tvdbId());
            node.put("name", title.title()).put("originalName", original(title))
                    .put("firstAirDate", title.releaseDate()).putNull("lastAirDate")
                    .put("status", "Returning Series").put("inProduction", false)
                    .put("numberOfSeasons", title.seasonCount()).put("numberOfEpisodes", title.episodeCount());
            node.putArray("networks").addObject().put("id", Math.abs(title.studio().hashCode() % 1000))
                    .put("name", title.studio());
            ArrayNode seasons = node.putArray("seasons");
            for (int season = 1; season <= title.seasonCount(); season++) {
                seasons.addObject().put("id", title.tmdbId() * 100 + season).put("seasonNumber", season)
                        .put("name", "Season " + season).put("episodeCount", title.seasons().get(season - 1))
                        .putNull("airDate").put("overview", "").putNull("posterPath");
            }
        }
        store.media(title).ifPresent(media -> node.set("mediaInfo", media(media, true)));
        return node;
    }

    private static void common(ObjectNode node, SampleTitle title) {
        node.put("overview", title.overview()).put("posterPath", title.posterPath())
                .put("backdropPath", title.backdropPath()).put("popularity", popularity(title))
                .put("voteAverage", title.rating()).put("voteCount", 1_000 + title.tmdbId() % 20_000)
                .put("originalLanguage", language(title));
    }

    static double popularity(SampleTitle title) {
        return Math.round((title.rating() * 10 + title.year() % 100) * 10) / 10.0;
    }

    private static String language(SampleTitle title) {
        if (title.originalTitle() == null) {
            return "en";
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(title.originalTitle().codePointAt(0));
        return script == Character.UnicodeScript.HANGUL ? "ko" : "ja";
    }

    private static String original(SampleTitle title) {
        return title.originalTitle() == null ? title.title() : title.originalTitle();
    }
}
