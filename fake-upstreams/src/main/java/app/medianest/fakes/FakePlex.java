package app.medianest.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fake Plex Media Server with a sample library (section {@code 1} Movies, section {@code 2} TV Shows with
 * seasons and episodes, film collections) built from {@link SampleCatalog}.
 *
 * <p>Routes (all JSON {@code {"MediaContainer":{...}}}): {@code GET /identity} (no token), {@code GET /},
 * {@code /library/sections}, {@code /library/sections/{key}/all} ({@code type}, {@code sort},
 * {@code includeGuids}, paging via {@code X-Plex-Container-Start/Size} as query or header),
 * {@code /library/sections/{key}/collections}, {@code /library/collections/{key}/children},
 * {@code /library/metadata/{key}[/children]}, {@code /hubs/search}, {@code /search},
 * {@code /library/recentlyAdded}, thumbnails, and {@code GET|POST|DELETE /library/sections/{key}/refresh}.
 * A missing or unknown {@code X-Plex-Token} (header or query) gives 401, unknown keys 404, both as HTML.
 */
public final class FakePlex extends FakeServer {

    /** The PMS version the fake reports. */
    public static final String VERSION = "1.40.2.8395-c67dce28e";
    /** The token {@link #start()} accepts. */
    public static final String DEFAULT_TOKEN = "fake-plex-token";

    private final String machineIdentifier;
    private final String friendlyName;
    private final String token;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<PlexLibrary.Entry> entries = new ArrayList<>();
    private final List<SampleCollection> sampleCollections;
    private final List<RefreshCall> refreshCalls = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> scanningUntil = new ConcurrentHashMap<>();
    private volatile PlexLibrary library;
    private volatile Duration scanDuration = Duration.ZERO;

    private FakePlex(int port, String token, SampleCatalog catalog, Clock clock) {
        super("plex", clock);
        this.token = token;
        this.tokens.add(token);
        this.machineIdentifier = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 40);
        this.friendlyName = "MediaNest Demo Plex";
        this.sampleCollections = catalog.collections();
        long addedAt = 1_700_000_000L;
        for (SampleTitle title : catalog.inLibrary()) {
            entries.add(new PlexLibrary.Entry(title, addedAt));
            addedAt += 43_200;
        }
        this.library = PlexLibrary.build(entries, sampleCollections);
        start(port, new PlexRoutes(this).router());
    }

    /** Starts on a free port with the standard catalogue and {@link #DEFAULT_TOKEN}. */
    public static FakePlex start() {
        return start(0, DEFAULT_TOKEN, SampleCatalog.standard(), Clock.systemUTC());
    }

    /** Starts on {@code port} (0 for a free one) with its own token, catalogue and clock. */
    public static FakePlex start(int port, String token, SampleCatalog catalog, Clock clock) {
        return new FakePlex(port, token, catalog, clock);
    }

    /** The owner token this server was started with. */
    public String token() {
        return token;
    }

    /** Accepts another token too (e.g. a shared server's {@code accessToken}). */
    public void acceptToken(String extraToken) {
        tokens.add(extraToken);
    }

    /** Stops accepting a token: requests with it get 401. */
    public void revokeToken(String revoked) {
        tokens.remove(revoked);
    }

    /** The server's {@code machineIdentifier} (plex.tv's {@code clientIdentifier} for it). */
    public String machineIdentifier() {
        return machineIdentifier;
    }

    /** The server's {@code friendlyName}. */
    public String friendlyName() {
        return friendlyName;
    }

    /** Adds a title to the library now (it shows up first in recently added). Existing keys do not change. */
    public synchronized void addToLibrary(SampleTitle title) {
        entries.add(new PlexLibrary.Entry(title.withInLibrary(true), clock.instant().getEpochSecond()));
        library = PlexLibrary.build(entries, sampleCollections);
    }

    /** The rating key of a movie or show in the library. */
    public Optional<String> ratingKeyOf(MediaType type, int tmdbId) {
        return library.find(type, tmdbId).map(PlexItem::ratingKey);
    }

    /** How many movies (section 1) or shows (section 2) the library holds. */
    public int itemCount(String sectionKey) {
        return library.sectionItems(sectionKey, sectionKey.equals(PlexLibrary.MOVIES) ? 1 : 2).size();
    }

    /** How long a section reports {@code refreshing=true} after a refresh call (default zero). */
    public void scanDuration(Duration duration) {
        scanDuration = duration;
    }

    /** Refresh (scan) calls received on any section, including cancellations. */
    public int refreshCount() {
        return refreshCalls.size();
    }

    /** Refresh calls received on one section. */
    public int refreshCount(String sectionKey) {
        return (int) refreshCalls.stream().filter(c -> c.sectionKey().equals(sectionKey)).count();
    }

    /** Every refresh call, oldest first. */
    public List<RefreshCall> refreshCalls() {
        return List.copyOf(refreshCalls);
    }

    @Override
    Reply failureReply(int status) {
        return Reply.html(status, status + " Error");
    }

    PlexLibrary library() {
        return library;
    }

    boolean tokenAccepted(Call call) {
        return call.queryOrHeader("X-Plex-Token").filter(tokens::contains).isPresent();
    }

    boolean scanning(String sectionKey) {
        Instant until = scanningUntil.get(sectionKey);
        return until != null && clock.instant().isBefore(until);
    }

    void recordRefresh(RefreshCall call) {
        refreshCalls.add(call);
        if (call.cancel()) {
            scanningUntil.remove(call.sectionKey());
        } else {
            scanningUntil.put(call.sectionKey(), clock.instant().plus(scanDuration));
        }
    }
}
