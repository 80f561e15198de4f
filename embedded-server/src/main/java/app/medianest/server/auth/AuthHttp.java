package app.medianest.server.auth;

import app.medianest.server.http.Principal;
import app.medianest.model.auth.LoginRequest;
import app.medianest.model.auth.PasswordChange;
import app.medianest.model.auth.PlexPin;
import app.medianest.model.auth.PlexPinStatus;
import app.medianest.model.auth.PlexVerify;
import app.medianest.model.auth.SessionInfo;
import app.medianest.model.auth.SetupRequest;
import app.medianest.model.UserView;
import app.medianest.server.cache.ResponseCache;
import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;
import app.medianest.server.upstream.UpstreamException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;

/** {@code /api/v1/auth/*}: setup, password and Plex sign-in, session, logout, password change. */
public final class AuthHttp {
    private final AccountService accounts;
    private final SessionService sessions;
    private final PlexTvClient plexTv;
    /** Our opaque PIN handles: plex.tv's PIN ids are sequential, so they are never exposed. */
    private final Cache<String, Long> pins = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(35)).build();

    private final ResponseCache sessionResponses;
    private final PlexAccess plexAccess;
    private final AddressRateLimiter pinCreates;
    private final AddressRateLimiter pinPolls;

    public AuthHttp(AccountService accounts, SessionService sessions, PlexTvClient plexTv) {
        this(accounts, sessions, plexTv, null);
    }

    /** With a per-user response cache (ETag, 304) for {@code GET /api/v1/auth/session}; null for none. */
    public AuthHttp(AccountService accounts, SessionService sessions, PlexTvClient plexTv,
                    ResponseCache sessionResponses) {
        this(accounts, sessions, plexTv, sessionResponses, PlexAccess.ANYONE, null, null);
    }

    /**
     * @param plexAccess who may sign up with Plex
     * @param pinCreates per-address limit of {@code POST /auth/plex/pin} (null: none)
     * @param pinPolls   per-address limit of PIN polls and verifications (null: none)
     */
    public AuthHttp(AccountService accounts, SessionService sessions, PlexTvClient plexTv,
                    ResponseCache sessionResponses, PlexAccess plexAccess, AddressRateLimiter pinCreates,
                    AddressRateLimiter pinPolls) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.plexTv = plexTv;
        this.sessionResponses = sessionResponses;
        this.plexAccess = plexAccess;
        this.pinCreates = pinCreates;
        this.pinPolls = pinPolls;
    }

    private static void limit(AddressRateLimiter limiter, Exchange ex) {
        if (limiter != null) {
            limiter.acquire(ex.clientAddress()).ifPresent(wait -> {
                throw ApiException.rateLimited(wait, "Too many Plex sign-in calls from this address; try again later");
            });
        }
    }

    public void routes(RouteTable r) {
        r.post("/api/v1/auth/setup", Access.PUBLIC, this::setup)
                .post("/api/v1/auth/login", Access.PUBLIC, this::login)
                .post("/api/v1/auth/plex/pin", Access.PUBLIC, this::createPin)
                .get("/api/v1/auth/plex/pin/{id}", Access.PUBLIC, this::pollPin)
                .post("/api/v1/auth/plex/verify", Access.PUBLIC, this::verifyPlex)
                .get("/api/v1/auth/session", Access.USER, this::session)
                .post("/api/v1/auth/logout", Access.USER, this::logout)
                .post("/api/v1/auth/password", Access.USER, this::changePassword);
    }

    private void setup(Exchange ex) {
        if (accounts.setupToken().isEmpty()) {
            throw ApiException.conflict("SETUP_COMPLETE", "Setup is already complete");
        }
        SetupRequest b = ex.body(SetupRequest.class);
        Validator v = new Validator();
        String username = v.username("username", b.username());
        v.string("password", b.password(), 1, 1024, false);
        v.string("setupToken", b.setupToken(), 1, 200, true);
        String email = v.optional("email", b.email(), 320);
        v.check();
        ex.created(accounts.setup(username, b.password(), email, b.setupToken().strip(), ex.clientAddress(),
                ex.header("User-Agent").orElse(null)));
    }

    private void login(Exchange ex) {
        LoginRequest b = ex.body(LoginRequest.class);
        Validator v = new Validator();
        String username = v.string("username", b.username(), 1, 64, true);
        v.string("password", b.password(), 1, 1024, false);
        v.check();
        username = app.medianest.server.http.TextRules.nfc(username);
        ex.ok(accounts.login(username, b.password(), Boolean.TRUE.equals(b.rememberMe()), ex.clientAddress(),
                ex.header("User-Agent").orElse(null)));
    }

    private void createPin(Exchange ex) {
        limit(pinCreates, ex);
        PlexTvClient.Pin pin = upstream(plexTv::createPin);
        String handle = Secrets.newToken("pin_");
        pins.put(handle, pin.id());
        ex.created(new PlexPin(handle, pin.code(), plexTv.linkUrl(pin.code()), pin.expiresAt()));
    }

    private void pollPin(Exchange ex) {
        String handle = ex.pathParam("id");
        Long id = pins.getIfPresent(handle);
        if (id == null) {
            throw ApiException.notFound("PIN_NOT_FOUND", "No such Plex sign-in, or it expired");
        }
        limit(pinPolls, ex);
        PlexTvClient.Pin pin = upstream(() -> plexTv.getPin(id));
        ex.ok(new PlexPinStatus(handle, pin.authToken() != null, pin.expiresAt()));
    }

    private void verifyPlex(Exchange ex) {
        PlexVerify b = ex.body(PlexVerify.class);
        Validator v = new Validator();
        String handle = v.string("pinId", b.pinId(), 1, 100, true);
        v.check();
        Long id = pins.getIfPresent(handle);
        if (id == null) {
            throw ApiException.notFound("PIN_NOT_FOUND", "No such Plex sign-in, or it expired");
        }
        limit(pinPolls, ex);
        PlexTvClient.Pin pin = upstream(() -> plexTv.getPin(id));
        if (pin.authToken() == null) {
            throw ApiException.badRequest("PIN_NOT_AUTHORIZED", "The Plex sign-in has not been approved yet");
        }
        PlexTvClient.Account account = upstream(() -> plexTv.account(pin.authToken()));
        if (!accounts.plexAccountExists(account.id())) {
            if (!accounts.newPlexUsersAllowed()) {
                throw new ApiException(403, "PLEX_SIGNUP_DISABLED", "New Plex sign-ins are turned off by the admin");
            }
            upstream(() -> {
                plexAccess.check(account);
                return null;
            });
        }
        pins.invalidate(handle);
        ex.ok(accounts.plexSignIn(account.id(), account.username(), account.email(), pin.authToken(),
                Boolean.TRUE.equals(b.rememberMe()), ex.clientAddress(), ex.header("User-Agent").orElse(null)));
    }

    private void session(Exchange ex) {
        Principal p = ex.principal();
        if (sessionResponses == null) {
            ex.ok(sessionInfo(p));
            return;
        }
        // Keyed by everything the body is made of, so a principal loaded before a change can never be served
        // (or stored) under the key of the changed one; role changes also drop the user's entries.
        String key = (p.isApiKey() ? "key:" + p.apiKeyId() : "session:" + p.sessionId()) + "|" + p.role() + "|"
                + p.username() + "|" + p.email();
        sessionResponses.sendForUser(ex, p.userId(), key, () -> sessionInfo(p));
    }

    private static SessionInfo sessionInfo(Principal p) {
        return new SessionInfo(new UserView(p.userId(), p.username(), p.email(), p.role()), p.expiresAt());
    }

    private void logout(Exchange ex) {
        if (ex.principal().isApiKey()) {
            throw ApiException.badRequest("API_KEY_LOGOUT", "An API key has no session to end; an admin revokes "
                    + "keys with DELETE /api/v1/admin/api-keys/{id}");
        }
        sessions.revoke(ex.principal());
        ex.ok(java.util.Map.of("loggedOut", true));
    }

    private void changePassword(Exchange ex) {
        if (ex.principal().isApiKey()) {
            throw ApiException.forbidden("API keys have no password");
        }
        PasswordChange b = ex.body(PasswordChange.class);
        Validator v = new Validator();
        v.string("currentPassword", b.currentPassword(), 1, 1024, false);
        v.string("newPassword", b.newPassword(), 1, 1024, false);
        v.check();
        accounts.changePassword(ex.principal().userId(), b.currentPassword(), b.newPassword());
        ex.ok(java.util.Map.of("changed", true, "signedOut", true));
    }

    private static <T> T upstream(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (UpstreamException e) {
            if (e.kind() == UpstreamException.Kind.TIMEOUT) {
                throw new ApiException(504, "UPSTREAM_TIMEOUT", "plex.tv did not answer in time");
            }
            if (e.kind() == UpstreamException.Kind.CLIENT_ERROR && e.status() == 404) {
                throw ApiException.notFound("PIN_NOT_FOUND", "The Plex sign-in expired");
            }
            throw ApiException.unavailable("plex.tv is not available right now");
        }
    }
}
