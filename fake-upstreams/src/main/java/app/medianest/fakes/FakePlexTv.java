package app.medianest.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Fake plex.tv: the PIN login flow, the account and the server list (JSON API v2).
 *
 * <p>Routes: {@code POST /api/v2/pins[?strong=true]} (201), {@code GET /api/v2/pins/{id}} (404 once unknown or
 * expired), {@code GET /api/v2/user}, legacy {@code GET /users/account.json}, {@code GET /api/v2/ping},
 * {@code GET /api/v2/resources}, and the owner's shared-user list {@code GET /api/users} (XML, as plex.tv serves it:
 * one {@code User} per account a server is shared with, a {@code Server} element per shared server with its
 * {@code machineIdentifier}; fed by {@link #shareServer}). Every route answers 400 without {@code X-Plex-Client-Identifier}; token routes
 * answer 401 for unknown or revoked tokens ({@code X-Plex-Token} header or query parameter). Answers are always
 * JSON, whatever {@code Accept} says.
 *
 * <p>Tests drive the consent step with {@link #authorizePin(int, PlexAccount)} and expiry with
 * {@link #expirePin(int)} or an injected {@link Clock}.
 */
public final class FakePlexTv extends FakeServer {

    /** Lifetime of a strong PIN, as plex.tv reports it. */
    public static final Duration STRONG_PIN_LIFETIME = Duration.ofSeconds(1800);
    /** Lifetime of a 4-character PIN. */
    public static final Duration SHORT_PIN_LIFETIME = Duration.ofSeconds(900);

    private static final String CODE_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger nextPinId = new AtomicInteger(308_667_304);
    private final Map<Integer, PlexPin> pins = new ConcurrentHashMap<>();
    private final Map<String, PlexAccount> accountsByToken = new ConcurrentHashMap<>();
    private final List<PlexServerResource> servers = new CopyOnWriteArrayList<>();
    /** Owner token -> the shares that owner made. */
    private final Map<String, List<Share>> shares = new ConcurrentHashMap<>();

    private record Share(PlexAccount friend, String machineIdentifier, String serverName) {
    }
    private volatile Duration pinLifetime;
    private volatile PlexAccount autoAccount;
    private volatile Duration autoAfter;

    private FakePlexTv(int port, Clock clock) {
        super("plex-tv", clock);
        Router router = new Router(request -> Reply.json(404, PlexTvJson.errors(1004, "Not Found", 404)))
                .post("/api/v2/pins", this::createPin)
                .get("/api/v2/pins/{id}", this::pollPin)
                .get("/api/v2/user", this::user)
                .get("/users/account.json", this::legacyAccount)
                .get("/api/v2/ping", this::ping)
                .get("/api/v2/resources", this::resources)
                .get("/api/users", this::sharedUsers);
        start(port, router);
    }

    /** Starts on a free port with the system clock. */
    public static FakePlexTv start() {
        return start(0, Clock.systemUTC());
    }

    /** Starts on {@code port} (0 for a free one) with the given clock, which drives PIN expiry. */
    public static FakePlexTv start(int port, Clock clock) {
        return new FakePlexTv(port, clock);
    }

    /** Registers an account so its token is accepted. */
    public void addAccount(PlexAccount account) {
        accountsByToken.put(account.authToken(), account);
    }

    /**
     * The owner (the account of {@code ownerToken}) shares the server {@code machineIdentifier} with {@code friend}:
     * {@code friend} appears in the owner's {@code GET /api/users} list with that server.
     */
    public void shareServer(String ownerToken, PlexAccount friend, String machineIdentifier, String serverName) {
        addAccount(friend);
        shares.computeIfAbsent(ownerToken, k -> new CopyOnWriteArrayList<>())
                .add(new Share(friend, machineIdentifier, serverName));
    }

    /** Makes a token fail with 401 from now on. */
    public void revokeToken(String authToken) {
        accountsByToken.remove(authToken);
    }

    /** The known accounts. */
    public List<PlexAccount> accounts() {
        return List.copyOf(accountsByToken.values());
    }

    /** Lists a server under {@code /api/v2/resources} for every account. */
    public void addServer(PlexServerResource server) {
        servers.add(server);
    }

    /** Overrides the PIN lifetime for PINs created from now on ({@code null} restores the defaults). */
    public void pinLifetime(Duration lifetime) {
        pinLifetime = lifetime;
    }

    /** Simulates the user approving the PIN on plex.tv: the next poll carries the account's token. */
    public void authorizePin(int pinId, PlexAccount account) {
        addAccount(account);
        pins.compute(pinId, (id, pin) -> {
            if (pin == null) {
                throw new IllegalArgumentException("no such PIN: " + pinId);
            }
            return pin.withAuthToken(account.authToken());
        });
    }

    /** Approves the PIN for the account holding this token, or a new account {@code plexuser} with it. */
    public void authorizePin(int pinId, String authToken) {
        authorizePin(pinId, accountsByToken.getOrDefault(authToken, PlexAccount.of("plexuser", authToken)));
    }

    /**
     * Demo mode: every PIN polled at least {@code after} after its creation is approved for {@code account}
     * (evaluated on poll, so no background thread). {@code null} turns it off.
     */
    public void autoAuthorize(PlexAccount account, Duration after) {
        if (account != null) {
            addAccount(account);
        }
        autoAfter = after == null ? Duration.ZERO : after;
        autoAccount = account;
    }

    /** Makes the PIN expire now: polling it gives 404. */
    public void expirePin(int pinId) {
        pins.computeIfPresent(pinId, (id, pin) -> pin.expiringAt(clock.instant()));
    }

    /** The id of the most recently created PIN. */
    public OptionalInt lastPinId() {
        return pins.keySet().stream().mapToInt(Integer::intValue).max();
    }

    /** The code of a PIN, e.g. to check the link URL a client built. */
    public Optional<String> pinCode(int pinId) {
        return Optional.ofNullable(pins.get(pinId)).map(PlexPin::code);
    }

    @Override
    Reply failureReply(int status) {
        return Reply.json(status, PlexTvJson.errors(status, "Fake failure", status));
    }

    private Optional<Reply> missingClientId(Call call) {
        if (call.header("X-Plex-Client-Identifier").filter(id -> !id.isBlank()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Reply.json(400, PlexTvJson.errors(1000, "X-Plex-Client-Identifier is missing", 400)));
    }

    private Reply createPin(Call call) {
        Optional<Reply> rejected = missingClientId(call);
        if (rejected.isPresent()) {
            return rejected.get();
        }
        boolean strong = call.query("strong").map(v -> v.equals("true") || v.equals("1")).orElse(false);
        Duration lifetime = pinLifetime != null ? pinLifetime : strong ? STRONG_PIN_LIFETIME : SHORT_PIN_LIFETIME;
        Instant now = clock.instant();
        PlexPin pin = new PlexPin(nextPinId.getAndIncrement(), code(strong),
                strong, call.header("X-Plex-Client-Identifier").orElseThrow(),
                call.header("X-Plex-Product").orElse("Plex Web"), now, now.plus(lifetime), null);
        pins.put(pin.id(), pin);
        return Reply.json(201, PlexTvJson.pin(pin, now));
    }

    private Reply pollPin(Call call) {
        Optional<Reply> rejected = missingClientId(call);
        if (rejected.isPresent()) {
            return rejected.get();
        }
        Instant now = clock.instant();
        int id = Call.parseInt(Optional.of(call.path("id")), -1);
        PlexPin pin = pins.get(id);
        if (pin == null || pin.expired(now)) {
            return Reply.json(404, PlexTvJson.errors(1020, "Code not found or expired", 404));
        }
        PlexAccount auto = autoAccount;
        if (auto != null && pin.authToken() == null && !now.isBefore(pin.createdAt().plus(autoAfter))) {
            pin = pins.computeIfPresent(id, (key, current) -> current.withAuthToken(auto.authToken()));
        }
        return Reply.json(200, PlexTvJson.pin(pin, now));
    }

    private Reply user(Call call) {
        return withAccount(call, account -> Reply.json(200, PlexTvJson.account(account, clock.instant())));
    }

    private Reply legacyAccount(Call call) {
        return withAccount(call, account -> {
            ObjectNode body = Json.object();
            body.set("user", PlexTvJson.account(account, clock.instant()));
            return Reply.json(200, body);
        });
    }

    private Reply ping(Call call) {
        return withAccount(call, account -> Reply.json(200, Json.object().put("pong", true)));
    }

    private Reply resources(Call call) {
        return withAccount(call, account -> {
            ArrayNode devices = Json.array();
            List<PlexServerResource> snapshot = new ArrayList<>(servers);
            snapshot.forEach(server -> devices.add(PlexTvJson.server(server, clock.instant())));
            devices.add(PlexTvJson.player(clock.instant()));
            return Reply.json(200, devices);
        });
    }

    private Reply sharedUsers(Call call) {
        return withAccount(call, account -> {
            List<Share> list = shares.getOrDefault(account.authToken(), List.of());
            Map<Integer, List<Share>> byFriend = new java.util.LinkedHashMap<>();
            list.forEach(sh -> byFriend.computeIfAbsent(sh.friend().id(), k -> new ArrayList<>()).add(sh));
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MediaContainer "
                    + "friendlyName=\"myPlex\" identifier=\"com.plexapp.plugins.myplex\" machineIdentifier=\""
                    + xml(account.uuid()) + "\" totalSize=\"" + byFriend.size() + "\" size=\"" + byFriend.size()
                    + "\">\n");
            byFriend.forEach((id, friendShares) -> {
                PlexAccount f = friendShares.getFirst().friend();
                xml.append("  <User id=\"").append(f.id()).append("\" title=\"").append(xml(f.username()))
                        .append("\" username=\"").append(xml(f.username())).append("\" email=\"")
                        .append(xml(f.email())).append("\" recommendationsPlaylistId=\"\" thumb=\"\" protected=\"0\" "
                                + "home=\"0\" allowTuners=\"0\" allowSync=\"0\" allowCameraUpload=\"0\" "
                                + "allowChannels=\"0\" filterAll=\"\" filterMovies=\"\" filterMusic=\"\" "
                                + "filterPhotos=\"\" filterTelevision=\"\" restricted=\"0\">\n");
                for (Share sh : friendShares) {
                    xml.append("    <Server id=\"").append(Math.abs(sh.machineIdentifier().hashCode()))
                            .append("\" serverId=\"").append(Math.abs(sh.machineIdentifier().hashCode()))
                            .append("\" machineIdentifier=\"").append(xml(sh.machineIdentifier()))
                            .append("\" name=\"").append(xml(sh.serverName()))
                            .append("\" lastSeenAt=\"").append(clock.instant().getEpochSecond())
                            .append("\" numLibraries=\"2\" allLibraries=\"1\" owned=\"1\" pending=\"0\"/>\n");
                }
                xml.append("  </User>\n");
            });
            return Reply.text(200, "application/xml", xml.append("</MediaContainer>\n").toString());
        });
    }

    private static String xml(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private Reply withAccount(Call call, Function<PlexAccount, Reply> action) {
        Optional<Reply> rejected = missingClientId(call);
        if (rejected.isPresent()) {
            return rejected.get();
        }
        PlexAccount account = call.queryOrHeader("X-Plex-Token").map(accountsByToken::get).orElse(null);
        if (account == null) {
            return Reply.json(401, PlexTvJson.errors(1001, "User could not be authenticated", 401));
        }
        return action.apply(account);
    }

    private String code(boolean strong) {
        if (!strong) {
            StringBuilder shortCode = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                shortCode.append(Character.toUpperCase(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length()))));
            }
            return shortCode.toString();
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
