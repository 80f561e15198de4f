package app.medianest.fakes;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fake Overseerr (API v1 under {@code /api/v1}) over the {@link SampleCatalog}: titles in the Plex library are
 * AVAILABLE (media status 5), the others requestable.
 *
 * <p>Routes: {@code GET /status} (no auth), {@code GET /auth/me}, {@code GET /search}
 * ({@code tmdb:}/{@code imdb:}/{@code tvdb:}/{@code year:} forms, 20 per page), {@code GET /movie/{id}},
 * {@code GET /tv/{id}} (unknown ids give 500 as Overseerr does), {@code POST /request}, {@code GET /request}
 * ({@code take/skip/filter/sort/requestedBy}), {@code GET /request/count}, {@code GET|DELETE /request/{id}},
 * {@code POST /request/{id}/approve|decline|pending}. A missing or wrong {@code X-Api-Key} gives 403 with
 * Overseerr's permission body. {@code X-API-User} acts as another user: only admins' requests are auto-approved.
 *
 * <p>Every request received is recorded ({@link #requests()}); the media requests it holds are
 * {@link #mediaRequests()}. {@link OverseerrWebhook} builds the webhook payloads Overseerr would send.
 */
public final class FakeOverseerr extends FakeServer {

    /** The API key {@link #start()} accepts. */
    public static final String DEFAULT_API_KEY = "fake-overseerr-api-key";
    /** The version {@code /status} reports. */
    public static final String VERSION = "1.33.2";

    private final String apiKey;
    private final SampleCatalog catalog;
    private final OverseerrStore store;
    private final Map<Integer, OverseerrUser> users = new ConcurrentHashMap<>();
    private volatile boolean tmdbDown;

    private FakeOverseerr(int port, String apiKey, SampleCatalog catalog, Clock clock) {
        super("overseerr", clock);
        this.apiKey = apiKey;
        this.catalog = catalog;
        this.store = new OverseerrStore(catalog, clock);
        addUser(new OverseerrUser(1, "admin", "admin@example.com", true));
        addUser(new OverseerrUser(2, "alice", "alice@example.com", false));
        addUser(new OverseerrUser(3, "bob", "bob@example.com", false));
        OverseerrJson json = new OverseerrJson(store, this::user);
        start(port, new OverseerrRoutes(this, store, json).router());
    }

    /** Starts on a free port with the standard catalogue and {@link #DEFAULT_API_KEY}. */
    public static FakeOverseerr start() {
        return start(0, DEFAULT_API_KEY, SampleCatalog.standard(), Clock.systemUTC());
    }

    /** Starts on {@code port} (0 for a free one) with its own key, catalogue and clock. */
    public static FakeOverseerr start(int port, String apiKey, SampleCatalog catalog, Clock clock) {
        return new FakeOverseerr(port, apiKey, catalog, clock);
    }

    /** The accepted {@code X-Api-Key}. */
    /**
     * Simulates TMDB being unreachable from Overseerr: every TMDB-backed route (search, movie and tv details,
     * creating a request) answers Overseerr's 500 "Unable to retrieve ..." as the real one does, while Overseerr
     * itself ({@code /status}, {@code /auth/me}, request lists) keeps working.
     */
    public void tmdbOutage(boolean down) {
        tmdbDown = down;
    }

    boolean tmdbDown() {
        return tmdbDown;
    }

    public String apiKey() {
        return apiKey;
    }

    /** {@code baseUrl() + "/api/v1"}, the base the Overseerr client is configured with. */
    public String apiBaseUrl() {
        return baseUrl() + "/api/v1";
    }

    /** The catalogue searched and requested from. */
    public SampleCatalog catalog() {
        return catalog;
    }

    /** Adds or replaces a user (users 1 admin, 2 alice and 3 bob exist from the start). */
    public void addUser(OverseerrUser user) {
        users.put(user.id(), user);
    }

    /** The users by id. */
    public Map<Integer, OverseerrUser> users() {
        return new TreeMap<>(users);
    }

    /** Every media request held, oldest first. */
    public List<OverseerrRequest> mediaRequests() {
        return store.all();
    }

    /** One media request by id. */
    public Optional<OverseerrRequest> mediaRequest(int id) {
        return store.request(id);
    }

    /**
     * Creates a request as user {@code userId} would through the API (pending unless the user is an admin);
     * tv requests ask for every season.
     */
    public OverseerrRequest createRequest(int userId, MediaType type, int tmdbId) {
        OverseerrUser user = knownUser(userId)
                .orElseThrow(() -> new IllegalArgumentException("no such user: " + userId));
        SampleTitle title = catalog.find(type, tmdbId)
                .orElseThrow(() -> new IllegalArgumentException("not in the catalogue: " + type + " " + tmdbId));
        return switch (store.create(user, user, title, null, false)) {
            case OverseerrStore.Done done -> done.request();
            case OverseerrStore.Rejected rejected ->
                    throw new IllegalStateException(rejected.message() + " " + title.title());
        };
    }

    /** Sets a request's status directly (e.g. {@link OverseerrRequest#FAILED}), as Radarr/Sonarr feedback would. */
    public void setRequestStatus(int requestId, int status) {
        if (store.changeStatus(requestId, status, null) instanceof OverseerrStore.Rejected rejected) {
            throw new IllegalArgumentException(rejected.message() + " id=" + requestId);
        }
    }

    /** Marks a title AVAILABLE (media status 5), as when Plex picked it up. */
    public void markAvailable(MediaType type, int tmdbId) {
        SampleTitle title = catalog.find(type, tmdbId)
                .orElseThrow(() -> new IllegalArgumentException("not in the catalogue: " + type + " " + tmdbId));
        store.setMediaStatus(title, false, OverseerrMedia.AVAILABLE);
    }

    @Override
    Reply failureReply(int status) {
        String message = status == 503 ? "Service Unavailable" : status >= 500 ? "Internal Server Error" : "Error";
        return Reply.json(status, OverseerrJson.message(message));
    }

    boolean keyAccepted(Call call) {
        return call.header("X-Api-Key").filter(apiKey::equals).isPresent();
    }

    OverseerrUser user(int id) {
        OverseerrUser user = users.get(id);
        return user != null ? user : new OverseerrUser(id, "deleted-user-" + id, "", false);
    }

    Optional<OverseerrUser> knownUser(int id) {
        return Optional.ofNullable(users.get(id));
    }
}
