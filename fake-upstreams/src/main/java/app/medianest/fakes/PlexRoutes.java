package app.medianest.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The request handlers of {@link FakePlex}. */
final class PlexRoutes {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final Map<Integer, String> VIEW_GROUPS = Map.of(1, "movie", 2, "show", 3, "season", 4, "episode");

    private final FakePlex plex;

    PlexRoutes(FakePlex plex) {
        this.plex = plex;
    }

    Router router() {
        return new Router(request -> Reply.html(404, "404 Not Found"))
                .get("/identity", this::identity)
                .get("/", authed(this::root))
                .get("/library/sections", authed(this::sections))
                .get("/library/sections/{key}/all", authed(this::sectionItems))
                .get("/library/sections/{key}/collections", authed(this::collections))
                .get("/library/sections/{key}/refresh", authed(this::refresh))
                .post("/library/sections/{key}/refresh", authed(this::refresh))
                .delete("/library/sections/{key}/refresh", authed(this::refresh))
                .get("/library/collections/{key}/children", authed(this::collectionItems))
                .get("/library/metadata/{key}", authed(this::metadata))
                .get("/library/metadata/{key}/children", authed(this::children))
                .get("/library/metadata/{key}/thumb/{version}", authed(this::image))
                .get("/library/metadata/{key}/art/{version}", authed(this::image))
                .get("/library/collections/{key}/composite/{version}", authed(this::image))
                .get("/hubs/search", authed(this::hubSearch))
                .get("/search", authed(this::search))
                .get("/library/recentlyAdded", authed(this::recentlyAdded));
    }

    private Router.Handler authed(Router.Handler handler) {
        return call -> plex.tokenAccepted(call) ? handler.handle(call) : Reply.html(401, "401 Unauthorized");
    }

    private Reply identity(Call call) {
        return json(Json.object().put("size", 0).put("claimed", true)
                .put("machineIdentifier", plex.machineIdentifier()).put("version", FakePlex.VERSION));
    }

    private Reply root(Call call) {
        ObjectNode container = Json.object().put("size", 2).put("allowSync", true)
                .put("friendlyName", plex.friendlyName()).put("machineIdentifier", plex.machineIdentifier())
                .put("version", FakePlex.VERSION).put("platform", "Linux").put("platformVersion", "6.1.0")
                .put("myPlex", true).put("myPlexUsername", "plexuser@example.com").put("myPlexSigninState", "ok")
                .put("multiuser", true).put("transcoderActiveVideoSessions", 0)
                .put("updatedAt", plex.clock.instant().getEpochSecond());
        ArrayNode directories = container.putArray("Directory");
        directories.addObject().put("count", 1).put("key", "library").put("title", "library");
        directories.addObject().put("count", 1).put("key", "hubs").put("title", "hubs");
        return json(container);
    }

    private Reply sections(Call call) {
        ObjectNode container = Json.object().put("size", 2).put("allowSync", false).put("title1", "Plex Library");
        long scannedAt = 1_716_200_000L;
        ArrayNode directories = container.putArray("Directory");
        for (String key : List.of(PlexLibrary.MOVIES, PlexLibrary.SHOWS)) {
            directories.add(PlexJson.section(key, plex.scanning(key), scannedAt));
        }
        return json(container);
    }

    private Reply sectionItems(Call call) {
        String key = call.path("key");
        if (!isSection(key)) {
            return notFound();
        }
        int defaultType = key.equals(PlexLibrary.MOVIES) ? 1 : 2;
        int type = call.intQuery("type", defaultType);
        List<PlexItem> all = sorted(plex.library().sectionItems(key, type), call.query("sort"), type <= 2);
        ObjectNode container = PlexJson.sectionContainer(key, VIEW_GROUPS.getOrDefault(type, "secondary"))
                .put("title2", "All " + PlexJson.sectionTitle(key));
        return paged(call, container, all, call.query("includeGuids").filter("1"::equals).isPresent());
    }

    private Reply collections(Call call) {
        String key = call.path("key");
        if (!isSection(key)) {
            return notFound();
        }
        List<PlexLibrary.Collection> all = plex.library().collections(key);
        ArrayNode metadata = Json.array();
        all.forEach(collection -> metadata.add(PlexJson.collection(collection)));
        ObjectNode container = PlexJson.sectionContainer(key, "secondary").put("size", all.size());
        container.set("Metadata", metadata);
        return json(container);
    }

    private Reply collectionItems(Call call) {
        PlexLibrary library = plex.library();
        Optional<PlexLibrary.Collection> found = library.collection(call.path("key"));
        if (found.isEmpty()) {
            return notFound();
        }
        List<PlexItem> items = found.get().memberKeys().stream().flatMap(k -> library.item(k).stream()).toList();
        ObjectNode container = PlexJson.sectionContainer(found.get().sectionKey(), "movie")
                .put("title2", found.get().source().title());
        return paged(call, container, items, false);
    }

    private Reply metadata(Call call) {
        PlexLibrary library = plex.library();
        Optional<PlexItem> item = library.item(call.path("key"));
        if (item.isEmpty()) {
            return notFound();
        }
        ObjectNode container = PlexJson.sectionContainer(item.get().sectionKey(), item.get().type()).put("size", 1);
        container.putArray("Metadata").add(PlexJson.item(item.get(), library, true));
        return json(container);
    }

    private Reply children(Call call) {
        PlexLibrary library = plex.library();
        Optional<PlexItem> parent = library.item(call.path("key"));
        if (parent.isEmpty()) {
            return notFound();
        }
        PlexItem item = parent.get();
        ObjectNode container = PlexJson.sectionContainer(item.sectionKey(),
                        item.type().equals("show") ? "season" : "episode")
                .put("key", item.ratingKey()).put("parentTitle", item.source().title())
                .put("parentYear", item.source().year()).put("title2", item.title())
                .put("summary", item.type().equals("show") ? item.source().overview() : "")
                .put("thumb", PlexItemJson.image(item, "thumb"));
        if (item.type().equals("season")) {
            container.put("parentIndex", item.index());
        }
        return paged(call, container, library.children(item.ratingKey()), false);
    }

    private Reply image(Call call) {
        return new Reply(200, "image/png", PNG, Map.of());
    }

    private Reply hubSearch(Call call) {
        Optional<String> query = call.query("query").filter(q -> !q.isBlank());
        if (query.isEmpty()) {
            return Reply.html(400, "400 Bad Request");
        }
        int limit = Math.max(1, call.intQuery("limit", 3));
        Optional<String> section = call.query("sectionId");
        PlexLibrary library = plex.library();
        List<PlexItem> matches = library.all().stream()
                .filter(i -> section.isEmpty() || section.get().equals(i.sectionKey()))
                .filter(i -> !i.type().equals("season") && matches(i, query.get())).toList();
        ObjectNode container = Json.object().put("size", 3);
        ArrayNode hubs = container.putArray("Hub");
        for (String type : List.of("movie", "show", "episode")) {
            List<PlexItem> ofType = matches.stream().filter(i -> i.type().equals(type)).toList();
            ObjectNode hub = hubs.addObject()
                    .put("title", switch (type) {
                        case "movie" -> "Movies";
                        case "show" -> "Shows";
                        default -> "Episodes";
                    })
                    .put("type", type).put("hubIdentifier", type).put("context", "hub." + type)
                    .put("size", Math.min(limit, ofType.size())).put("more", ofType.size() > limit);
            if (!ofType.isEmpty()) {
                hub.set("Metadata", PlexJson.items(ofType.stream().limit(limit).toList(), library, false));
            }
        }
        return json(container);
    }

    private Reply search(Call call) {
        String query = call.query("query").orElse("");
        PlexLibrary library = plex.library();
        List<PlexItem> matches = library.topLevel().stream().filter(i -> matches(i, query)).toList();
        ObjectNode container = Json.object().put("size", matches.size())
                .put("identifier", "com.plexapp.plugins.library").put("mediaTagPrefix", "/system/bundle/media/flags/");
        container.set("Metadata", PlexJson.items(matches, library, false));
        return json(container);
    }

    private Reply recentlyAdded(Call call) {
        List<PlexItem> recent = plex.library().all().stream()
                .filter(i -> i.type().equals("movie") || i.type().equals("season"))
                .sorted(Comparator.comparingLong(PlexItem::addedAt)
                        .thenComparingInt(i -> Integer.parseInt(i.ratingKey())).reversed())
                .toList();
        ObjectNode container = Json.object().put("allowSync", false).put("identifier", "com.plexapp.plugins.library")
                .put("mixedParents", true).put("title1", "Recently Added");
        return paged(call, container, recent, false);
    }

    private Reply refresh(Call call) {
        String key = call.path("key");
        if (!isSection(key)) {
            return notFound();
        }
        boolean force = call.query("force").filter("1"::equals).isPresent();
        plex.recordRefresh(new RefreshCall(key, call.request().method(), force, call.query("path").orElse(null)));
        return Reply.empty(200);
    }

    private Reply paged(Call call, ObjectNode container, List<PlexItem> all, boolean guids) {
        PlexPage page = PlexPage.of(call);
        List<PlexItem> slice = page.apply(all);
        container.put("size", slice.size()).put("totalSize", all.size()).put("offset", page.start());
        if (page.size() != 0) {
            container.set("Metadata", PlexJson.items(slice, plex.library(), guids));
        }
        return page.headers(json(container), all.size());
    }

    private static List<PlexItem> sorted(List<PlexItem> items, Optional<String> sort, boolean byTitleByDefault) {
        if (sort.isEmpty()) {
            return byTitleByDefault ? items.stream().sorted(comparator("titleSort")).toList() : items;
        }
        String[] parts = sort.get().split(":");
        Comparator<PlexItem> comparator = comparator(parts[0]);
        if (parts.length > 1 && parts[1].equalsIgnoreCase("desc")) {
            comparator = comparator.reversed();
        }
        return items.stream().sorted(comparator).toList();
    }

    private static Comparator<PlexItem> comparator(String field) {
        return switch (field) {
            case "addedAt" -> Comparator.comparingLong(PlexItem::addedAt);
            case "year" -> Comparator.comparingInt(i -> i.source().year());
            case "rating", "audienceRating" -> Comparator.comparingDouble(i -> i.source().rating());
            case "originallyAvailableAt" -> Comparator.comparing(i -> i.source().releaseDate());
            case "duration" -> Comparator.comparingInt(i -> i.source().runtime());
            case "index" -> Comparator.comparingInt(PlexItem::index);
            default -> Comparator.comparing(i -> PlexItemJson.sortTitle(i.title()).toLowerCase(Locale.ROOT));
        };
    }

    private static boolean matches(PlexItem item, String query) {
        return item.title().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
    }

    private static boolean isSection(String key) {
        return key.equals(PlexLibrary.MOVIES) || key.equals(PlexLibrary.SHOWS);
    }

    private static Reply json(ObjectNode container) {
        return Reply.json(200, PlexJson.wrap(container));
    }

    private static Reply notFound() {
        return Reply.html(404, "404 Not Found");
    }
}
