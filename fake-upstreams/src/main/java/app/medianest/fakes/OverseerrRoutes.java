package app.medianest.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** The request handlers of {@link FakeOverseerr}. */
final class OverseerrRoutes {

    private static final String API = "/api/v1";
    private static final int SEARCH_PAGE_SIZE = 20;

    private final FakeOverseerr overseerr;
    private final OverseerrStore store;
    private final OverseerrJson json;

    OverseerrRoutes(FakeOverseerr overseerr, OverseerrStore store, OverseerrJson json) {
        this.overseerr = overseerr;
        this.store = store;
        this.json = json;
    }

    Router router() {
        return new Router(request -> Reply.json(404, OverseerrJson.message("Not Found")))
                .get(API + "/status", this::status)
                .get(API + "/auth/me", authed((call, user) -> ok(json.user(user))))
                .get(API + "/search", authed(this::search))
                .get(API + "/movie/{id}", authed((call, user) -> details(call, MediaType.MOVIE)))
                .get(API + "/tv/{id}", authed((call, user) -> details(call, MediaType.TV)))
                .post(API + "/request", authed(this::createRequest))
                .get(API + "/request", authed(this::listRequests))
                .get(API + "/request/count", authed(this::countRequests))
                .get(API + "/request/{id}", authed(this::getRequest))
                .delete(API + "/request/{id}", authed(this::deleteRequest))
                .post(API + "/request/{id}/{action}", authed(this::changeStatus));
    }

    private Router.Handler authed(BiFunction<Call, OverseerrUser, Reply> handler) {
        return call -> {
            if (!overseerr.keyAccepted(call)) {
                return forbidden();
            }
            Optional<OverseerrUser> user = call.header("X-API-User")
                    .map(id -> overseerr.knownUser(Call.parseInt(Optional.of(id), -1)))
                    .orElseGet(() -> overseerr.knownUser(1));
            return user.map(u -> handler.apply(call, u)).orElseGet(OverseerrRoutes::forbidden);
        };
    }

    private Reply status(Call call) {
        return ok(Json.object().put("version", FakeOverseerr.VERSION).put("commitTag", "v" + FakeOverseerr.VERSION)
                .put("updateAvailable", false).put("commitsBehind", 0).put("restartRequired", false));
    }

    private Reply search(Call call, OverseerrUser user) {
        Optional<String> query = call.query("query").filter(q -> !q.isBlank());
        if (query.isEmpty()) {
            ObjectNode body = OverseerrJson.message("request.query should have required property 'query'");
            body.putArray("errors").addObject().put("path", ".query.query")
                    .put("message", "should have required property 'query'")
                    .put("errorCode", "required.openapi.validation");
            return Reply.json(400, body);
        }
        if (overseerr.tmdbDown()) {
            return Reply.json(500, OverseerrJson.message("Unable to retrieve search results."));
        }
        List<SampleTitle> matches = overseerr.catalog().titles().stream().filter(matcher(query.get().trim()))
                .sorted(Comparator.comparingDouble(OverseerrJson::popularity).reversed()).toList();
        int page = Math.max(1, call.intQuery("page", 1));
        int totalPages = Math.max(1, (matches.size() + SEARCH_PAGE_SIZE - 1) / SEARCH_PAGE_SIZE);
        ObjectNode body = Json.object().put("page", page).put("totalPages", totalPages)
                .put("totalResults", matches.size());
        ArrayNode results = body.putArray("results");
        matches.stream().skip((long) (page - 1) * SEARCH_PAGE_SIZE).limit(SEARCH_PAGE_SIZE)
                .forEach(title -> results.add(json.searchResult(title)));
        return ok(body);
    }

    private static Predicate<SampleTitle> matcher(String query) {
        String lower = query.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        String value = colon < 0 ? "" : lower.substring(colon + 1).trim();
        if (lower.startsWith("tmdb:")) {
            return t -> String.valueOf(t.tmdbId()).equals(value);
        } else if (lower.startsWith("imdb:")) {
            return t -> value.equalsIgnoreCase(t.imdbId());
        } else if (lower.startsWith("tvdb:")) {
            return t -> t.tvdbId() != null && String.valueOf(t.tvdbId()).equals(value);
        } else if (lower.startsWith("year:")) {
            return t -> String.valueOf(t.year()).equals(value);
        }
        return t -> t.title().toLowerCase(Locale.ROOT).contains(lower)
                || t.originalTitle() != null && t.originalTitle().toLowerCase(Locale.ROOT).contains(lower);
    }

    private Reply details(Call call, MediaType type) {
        int id = Call.parseInt(Optional.of(call.path("id")), -1);
        if (overseerr.tmdbDown()) {
            return Reply.json(500, OverseerrJson.message(
                    type == MediaType.MOVIE ? "Unable to retrieve movie." : "Unable to retrieve series."));
        }
        return overseerr.catalog().find(type, id).map(title -> ok(json.details(title)))
                .orElseGet(() -> Reply.json(500, OverseerrJson.message(
                        type == MediaType.MOVIE ? "Unable to retrieve movie." : "Unable to retrieve series.")));
    }

    private Reply createRequest(Call call, OverseerrUser caller) {
        JsonNode body = Json.parseLenient(call.request().body());
        MediaType type = MediaType.fromWire(body.path("mediaType").asText(""));
        int mediaId = body.path("mediaId").asInt(-1);
        if (type == null || mediaId <= 0) {
            ObjectNode error = OverseerrJson.message("request.body should have required property 'mediaType' and "
                    + "'mediaId'");
            error.putArray("errors");
            return Reply.json(400, error);
        }
        OverseerrUser owner = caller;
        if (body.hasNonNull("userId")) {
            if (!caller.admin()) {
                return Reply.json(403, OverseerrJson.message("You do not have permission to modify the user."));
            }
            owner = overseerr.knownUser(body.get("userId").asInt()).orElse(null);
            if (owner == null) {
                return Reply.json(404, OverseerrJson.message("User not found."));
            }
        }
        Optional<SampleTitle> title = overseerr.catalog().find(type, mediaId);
        if (title.isEmpty() || overseerr.tmdbDown()) {
            return Reply.json(500, OverseerrJson.message(
                    type == MediaType.MOVIE ? "Unable to retrieve movie." : "Unable to retrieve series."));
        }
        return outcome(store.create(caller, owner, title.get(), seasons(body.get("seasons")),
                body.path("is4k").asBoolean(false)), 201);
    }

    private static List<Integer> seasons(JsonNode node) {
        if (node != null && node.isTextual() && node.asText().equals("all")) {
            return null;
        }
        List<Integer> seasons = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(season -> seasons.add(season.asInt()));
        }
        return seasons;
    }

    private Reply listRequests(Call call, OverseerrUser caller) {
        int take = Math.max(1, call.intQuery("take", 10));
        int skip = Math.max(0, call.intQuery("skip", 0));
        Optional<Integer> requestedBy = call.query("requestedBy").map(v -> Call.parseInt(Optional.of(v), -1));
        if (!caller.admin() && requestedBy.isPresent() && requestedBy.get() != caller.id()) {
            return forbidden();
        }
        Optional<Integer> owner = caller.admin() ? requestedBy : Optional.of(caller.id());
        Comparator<OverseerrRequest> order = call.query("sort").filter("modified"::equals).isPresent()
                ? Comparator.comparing(OverseerrRequest::updatedAt).thenComparingInt(OverseerrRequest::id)
                : Comparator.comparingInt(OverseerrRequest::id);
        List<OverseerrRequest> matching = store.all().stream()
                .filter(r -> owner.isEmpty() || r.requestedBy() == owner.get())
                .filter(filter(call.query("filter").orElse("all")))
                .sorted(order.reversed()).toList();
        ObjectNode body = Json.object();
        body.putObject("pageInfo").put("pages", (matching.size() + take - 1) / take).put("pageSize", take)
                .put("results", matching.size()).put("page", skip / take + 1);
        ArrayNode results = body.putArray("results");
        matching.stream().skip(skip).limit(take).forEach(r -> results.add(json.request(r, true)));
        return ok(body);
    }

    private Predicate<OverseerrRequest> filter(String name) {
        return switch (name) {
            case "pending" -> r -> r.status() == OverseerrRequest.PENDING;
            case "approved" -> r -> r.status() == OverseerrRequest.APPROVED;
            case "declined" -> r -> r.status() == OverseerrRequest.DECLINED;
            case "failed" -> r -> r.status() == OverseerrRequest.FAILED;
            case "processing" -> r -> r.status() == OverseerrRequest.APPROVED && !available(r);
            case "available" -> r -> r.status() == OverseerrRequest.APPROVED && available(r);
            case "unavailable" -> r -> r.active() && !available(r);
            default -> r -> true;
        };
    }

    private boolean available(OverseerrRequest request) {
        return store.mediaOf(request.mediaType(), request.tmdbId())
                .filter(m -> m.status(request.is4k()) == OverseerrMedia.AVAILABLE).isPresent();
    }

    private Reply countRequests(Call call, OverseerrUser caller) {
        List<OverseerrRequest> all = store.all();
        ObjectNode body = Json.object().put("total", all.size())
                .put("movie", all.stream().filter(r -> r.mediaType() == MediaType.MOVIE).count())
                .put("tv", all.stream().filter(r -> r.mediaType() == MediaType.TV).count());
        for (String name : List.of("pending", "approved", "declined", "processing", "available")) {
            body.put(name, all.stream().filter(filter(name)).count());
        }
        return ok(body);
    }

    private Reply getRequest(Call call, OverseerrUser caller) {
        return withRequest(call, caller, request -> ok(json.request(request, true)));
    }

    private Reply deleteRequest(Call call, OverseerrUser caller) {
        return withRequest(call, caller, request -> {
            store.delete(request.id());
            return Reply.empty(204);
        });
    }

    private Reply changeStatus(Call call, OverseerrUser caller) {
        int status = switch (call.path("action")) {
            case "approve" -> OverseerrRequest.APPROVED;
            case "decline" -> OverseerrRequest.DECLINED;
            case "pending" -> OverseerrRequest.PENDING;
            default -> 0;
        };
        if (status == 0) {
            return Reply.json(404, OverseerrJson.message("Not Found"));
        }
        if (!caller.admin()) {
            return forbidden();
        }
        return outcome(store.changeStatus(requestId(call), status, caller.id()), 200);
    }

    private Reply withRequest(Call call, OverseerrUser caller,
                              Function<OverseerrRequest, Reply> action) {
        Optional<OverseerrRequest> request = store.request(requestId(call));
        if (request.isEmpty()) {
            return Reply.json(404, OverseerrJson.message("Request not found."));
        }
        if (!caller.admin() && request.get().requestedBy() != caller.id()) {
            return forbidden();
        }
        return action.apply(request.get());
    }

    private Reply outcome(OverseerrStore.Outcome outcome, int successStatus) {
        return switch (outcome) {
            case OverseerrStore.Done done -> Reply.json(successStatus, json.request(done.request(), true));
            case OverseerrStore.Rejected rejected ->
                    Reply.json(rejected.status(), OverseerrJson.message(rejected.message()));
        };
    }

    private static int requestId(Call call) {
        return Call.parseInt(Optional.of(call.path("id")), -1);
    }

    private static Reply ok(ObjectNode body) {
        return Reply.json(200, body);
    }

    private static Reply forbidden() {
        return Reply.json(403, Json.object().put("status", 403)
                .put("error", "You do not have permission to access this endpoint"));
    }
}
