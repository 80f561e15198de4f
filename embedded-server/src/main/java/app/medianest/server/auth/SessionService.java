package app.medianest.server.auth;

import app.medianest.server.http.Principal;
import app.medianest.model.Role;
import app.medianest.model.UserStatus;
import app.medianest.server.cache.CacheFactory;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Authenticator;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sessions and API keys: issues opaque tokens (only their hashes are stored), and authenticates every
 * request from a Caffeine cache in front of the database. Revocation (logout, password change, suspension,
 * deletion, key revocation) removes the cache entries at once, so a revoked token answers 401 on its very
 * next use. Last-used times are collected in memory and written in one batch by {@link #flushLastUsed()}.
 */
public final class SessionService implements Authenticator {
    /** Lifetime of a normal session. */
    public static final Duration SESSION_TTL = Duration.ofHours(24);
    /** Lifetime of a "remember me" session. */
    public static final Duration REMEMBER_TTL = Duration.ofDays(30);
    private static final String SESSION_PREFIX = "mns_";
    private static final String KEY_PREFIX = "mnk_";
    /** Name of the token cache in the cache registry. */
    public static final String CACHE_NAME = "sessions";
    private static final int CACHE_SIZE = 50_000;

    /** A cached identity: the principal, when it stops being valid, and the change count when it was loaded. */
    private record Entry(Principal principal, Instant expiresAt, boolean active, long loadedAt) {
    }

    private final SessionRepository sessions;
    private final ApiKeyRepository keys;
    private final Clock clock;
    private final Cache<String, Entry> cache;
    private final Map<String, Instant> sessionLastUsed = new ConcurrentHashMap<>();
    private final Map<String, Instant> keyLastUsed = new ConcurrentHashMap<>();
    private volatile boolean cacheEnabled = true;
    /** Counts user changes; a cached entry loaded before its user's latest change is not used. */
    private final AtomicLong changes = new AtomicLong();
    private final Map<UUID, Long> userChangedAt = new ConcurrentHashMap<>();
    private final List<Consumer<UUID>> userListeners = new CopyOnWriteArrayList<>();

    public SessionService(SessionRepository sessions, ApiKeyRepository keys, Clock clock, Duration cacheTtl) {
        this(sessions, keys, clock, Caffeine.newBuilder().maximumSize(CACHE_SIZE).expireAfterWrite(cacheTtl)
                .recordStats().build());
    }

    /** With the token cache built (and registered as {@code sessions}) by the server's cache factory. */
    public SessionService(SessionRepository sessions, ApiKeyRepository keys, Clock clock, CacheFactory caches,
                          Duration cacheTtl) {
        this(sessions, keys, clock, caches.<String, Entry>create(CACHE_NAME, cacheTtl, CACHE_SIZE));
    }

    private SessionService(SessionRepository sessions, ApiKeyRepository keys, Clock clock, Cache<String, Entry> cache) {
        this.sessions = sessions;
        this.keys = keys;
        this.clock = clock;
        this.cache = cache;
    }

    /** Called with the user id whenever a user's sessions or role change (response caches drop their entries). */
    public void onUserChanged(Consumer<UUID> listener) {
        userListeners.add(listener);
    }

    /** The token cache, for statistics and metrics binding. */
    public Cache<String, ?> cache() {
        return cache;
    }

    /** Switches the token cache (a feature flag); off means every request reads the database. */
    public void cacheEnabled(boolean enabled) {
        this.cacheEnabled = enabled;
        if (!enabled) {
            cache.invalidateAll();
        }
    }

    /** A new session for {@code user}; returns the token, which is never stored or logged. */
    public Issued issue(UUID userId, boolean rememberMe, String address, String userAgent) {
        String token = Secrets.newToken(SESSION_PREFIX);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Instant expires = now.plus(rememberMe ? REMEMBER_TTL : SESSION_TTL);
        sessions.insert(UUID.randomUUID(), userId, Secrets.hash(token), rememberMe, now, expires, address, userAgent);
        return new Issued(token, expires);
    }

    /** A token as handed to the client once, and its expiry. */
    public record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]";
        }
    }

    @Override
    public Optional<Principal> authenticate(ServerRequest req) {
        Optional<String> bearer = req.headers().first(HeaderNames.AUTHORIZATION);
        Optional<String> apiKey = req.headers().first(HeaderNames.create("X-Api-Key"));
        if (bearer.isPresent()) {
            String value = bearer.get();
            if (!value.regionMatches(true, 0, "Bearer ", 0, 7) || value.length() < 8 || value.length() > 512) {
                throw ApiException.unauthorized("Malformed Authorization header; use 'Bearer <token>'");
            }
            return Optional.of(bySession(value.substring(7).trim()));
        }
        if (apiKey.isPresent()) {
            return Optional.of(byApiKey(apiKey.get().trim()));
        }
        return Optional.empty();
    }

    /** The principal of a session token, or 401. */
    public Principal bySession(String token) {
        if (!token.startsWith(SESSION_PREFIX) || token.length() > 128) {
            throw invalid();
        }
        String hash = Secrets.hash(token);
        Entry e = cacheEnabled ? cached(hash, this::loadSession) : loadSession(hash);
        Instant now = clock.instant();
        if (!e.active() || !now.isBefore(e.expiresAt())) {
            throw invalid();
        }
        sessionLastUsed.put(hash, now);
        return e.principal();
    }

    /** The cached entry, reloaded when its user changed after it was loaded (a load racing the change). */
    private Entry cached(String key, java.util.function.Function<String, Entry> loader) {
        Entry e = cache.get(key, loader);
        if (e.principal() != null && userChangedAt.getOrDefault(e.principal().userId(), -1L) > e.loadedAt()) {
            cache.asMap().remove(key, e);
            e = cache.get(key, loader);
        }
        return e;
    }

    private Entry loadSession(String hash) {
        long loadedAt = changes.get();
        return sessions.findByHash(hash)
                .map(s -> new Entry(new Principal(s.userId(), s.username(), s.email(), s.role(), s.id(), hash,
                        s.expiresAt(), null), s.expiresAt(), s.status() == UserStatus.ACTIVE, loadedAt))
                .orElse(new Entry(null, Instant.EPOCH, false, loadedAt));
    }

    private Principal byApiKey(String key) {
        if (!key.startsWith(KEY_PREFIX) || key.length() > 128) {
            throw invalid();
        }
        String hash = Secrets.hash(key);
        Entry e = cacheEnabled ? cached("k:" + hash, k -> loadKey(hash)) : loadKey(hash);
        if (!e.active()) {
            throw invalid();
        }
        keyLastUsed.put(hash, clock.instant());
        return e.principal();
    }

    private Entry loadKey(String hash) {
        long loadedAt = changes.get();
        return keys.findByHash(hash)
                .map(k -> new Entry(new Principal(k.id(), k.name(), null, k.role(), null, null, null, k.id()),
                        Instant.MAX, k.revokedAt() == null, loadedAt))
                .orElse(new Entry(null, Instant.EPOCH, false, loadedAt));
    }

    private void changed(UUID userId) {
        userChangedAt.put(userId, changes.incrementAndGet());
    }

    private static ApiException invalid() {
        return ApiException.unauthorized("The session or API key is invalid, expired or revoked");
    }

    /** Logout: removes the session and its cache entry. */
    public void revoke(Principal p) {
        if (p.tokenHash() != null) {
            sessions.deleteByHash(p.tokenHash());
            cache.invalidate(p.tokenHash());
            sessionLastUsed.remove(p.tokenHash());
        }
    }

    /** Password change, suspension, deletion: every session of the user ends now. */
    public void revokeAll(UUID userId) {
        List<String> hashes = sessions.deleteByUser(userId);
        changed(userId);
        cache.invalidateAll(hashes);
        hashes.forEach(sessionLastUsed::remove);
        // Entries loaded between the select and the delete are caught by this sweep.
        cache.asMap().entrySet().removeIf(en -> en.getValue().principal() != null
                && userId.equals(en.getValue().principal().userId()));
        userListeners.forEach(l -> l.accept(userId));
    }

    /** Invalidates a revoked API key. */
    public void revokedKey(String keyHash) {
        cache.invalidate("k:" + keyHash);
    }

    /** A user's role changed: cached principals must not keep the old role. */
    public void userChanged(UUID userId) {
        changed(userId);
        cache.asMap().entrySet().removeIf(en -> en.getValue().principal() != null
                && userId.equals(en.getValue().principal().userId()));
        userListeners.forEach(l -> l.accept(userId));
    }

    /** Scheduled: writes collected last-used times in one batch per table. */
    public void flushLastUsed() {
        Map<String, Instant> s = drain(sessionLastUsed);
        if (!s.isEmpty()) {
            sessions.touch(s);
        }
        Map<String, Instant> k = drain(keyLastUsed);
        if (!k.isEmpty()) {
            keys.touch(k);
        }
    }

    private static Map<String, Instant> drain(Map<String, Instant> source) {
        Map<String, Instant> out = new HashMap<>();
        for (String key : List.copyOf(source.keySet())) {
            Instant v = source.remove(key);
            if (v != null) {
                out.put(key, v);
            }
        }
        return out;
    }

    /** Scheduled: deletes expired sessions in bulk. */
    public int deleteExpired() {
        return sessions.deleteExpired(clock.instant());
    }

    /** A new API key for tools; the key is returned once and only its hash is kept. */
    public String newApiKey(UUID id, String name, Role role, UUID createdBy) {
        String key = Secrets.newToken(KEY_PREFIX);
        keys.insert(id, name, key.substring(0, 12), Secrets.hash(key), role, createdBy, clock.instant());
        return key;
    }
}
