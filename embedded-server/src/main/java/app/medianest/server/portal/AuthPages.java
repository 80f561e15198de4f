package app.medianest.server.portal;

import app.medianest.model.auth.SessionResponse;
import app.medianest.server.auth.Secrets;
import app.medianest.server.http.ApiException;
import app.medianest.server.auth.PlexTvClient;
import app.medianest.server.upstream.UpstreamException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.helidon.http.HeaderNames;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sign in (password, through the same {@code AccountService.login} as the API, so both share its rate limits;
 * Plex, through the PIN flow in a popup), sign out, and the account page (change password, sign out everywhere).
 */
final class AuthPages {
    private final Portal portal;
    /** Our opaque PIN handles (plex.tv's sequential PIN ids are never shown). */
    private final Cache<String, Long> pins = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(35)).build();

    AuthPages(Portal portal) {
        this.portal = portal;
    }

    void routes() {
        portal.get("/signin", Portal.Who.ANYONE, this::signInPage);
        portal.post("/signin", Portal.Who.ANYONE, this::signIn);
        portal.post("/signout", Portal.Who.MEMBER, this::signOut);
        portal.get("/signin/plex", Portal.Who.ANYONE, this::plexStart);
        portal.get("/signin/plex/{handle}/status", Portal.Who.ANYONE, this::plexStatus);
        portal.post("/signin/plex/{handle}", Portal.Who.ANYONE, this::plexFinish);
        portal.get("/signin/plex/done", Portal.Who.MEMBER, this::plexDone);
        portal.get("/account", Portal.Who.MEMBER, this::account);
        portal.post("/account/password", Portal.Who.MEMBER, this::changePassword);
        portal.post("/account/signout-everywhere", Portal.Who.MEMBER, this::signOutEverywhere);
    }

    private void signInPage(Web web) {
        if (web.user() != null) {
            web.redirect(safeNext(web.query("next").orElse("/")));
            return;
        }
        form(web, 200, "", null);
    }

    private void form(Web web, int status, String username, String error) {
        Map<String, Object> m = new HashMap<>();
        m.put("ctx", web.ctx("Sign in", "signin"));
        m.put("username", username);
        m.put("error", error);
        m.put("next", safeNext(web.query("next").orElse(web.field("next").orElse("/"))));
        web.page(status, "signin", m);
    }

    private void signIn(Web web) {
        String username = web.field("username").orElse("");
        String password = web.raw("password");
        if (username.isEmpty() || password.isEmpty() || username.length() > 64 || password.length() > 1024) {
            form(web, 400, username.length() > 64 ? "" : username, "Enter your user name and password.");
            return;
        }
        SessionResponse s;
        try {
            s = portal.components().accounts().login(username, password, web.field("remember").isPresent(),
                    web.request().remotePeer().host(), web.request().headers().first(HeaderNames.USER_AGENT)
                            .orElse(null));
        } catch (ApiException e) {
            if (e.status() == 429) {
                e.headers().forEach((k, v) -> web.response().header(k, v));
            }
            form(web, e.status(), username, e.status() == 429 ? "Too many failed sign-ins. Wait a few minutes and "
                    + "try again." : "Wrong user name or password.");
            return;
        }
        portal.security().setSession(web.response(), s.token(), s.expiresAt(), web.field("remember").isPresent());
        web.redirect(safeNext(web.field("next").orElse("/")));
    }

    /** Only a path on this server: never {@code //host} or a full URL (no open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.length() > 500 || next.startsWith("/signin")) {
            return "/";
        }
        return next;
    }

    private void signOut(Web web) {
        portal.components().sessions().revoke(web.user());
        portal.security().clear(web.response(), Security.SESSION_COOKIE);
        web.redirect("/signin", "signed-out");
    }

    private void plexStart(Web web) {
        PlexTvClient plexTv = portal.components().plexTv();
        Map<String, Object> m = new HashMap<>();
        m.put("ctx", web.ctx("Sign in with Plex", "signin"));
        try {
            PlexTvClient.Pin pin = plexTv.createPin();
            String handle = Secrets.newToken("pin_");
            pins.put(handle, pin.id());
            m.put("handle", handle);
            m.put("code", pin.code());
            m.put("link", plexTv.linkUrl(pin.code()));
            m.put("error", null);
            web.page("plex", m);
        } catch (UpstreamException e) {
            m.put("handle", "");
            m.put("code", "");
            m.put("link", "");
            m.put("error", "plex.tv is not answering right now, so Plex sign-in cannot start. Try again in a "
                    + "minute, or sign in with your MediaNest password.");
            web.page(503, "plex", m);
        }
    }

    private Optional<PlexTvClient.Pin> pin(Web web) {
        Long id = pins.getIfPresent(web.path("handle"));
        if (id == null) {
            throw ApiException.notFound("This Plex sign-in expired. Close this window and start again.");
        }
        try {
            return Optional.of(portal.components().plexTv().getPin(id));
        } catch (UpstreamException e) {
            if (e.kind() == UpstreamException.Kind.CLIENT_ERROR && e.status() == 404) {
                throw ApiException.notFound("This Plex sign-in expired. Close this window and start again.");
            }
            return Optional.empty();
        }
    }

    private void plexStatus(Web web) {
        Optional<PlexTvClient.Pin> pin = pin(web);
        String state = pin.isEmpty() ? "unavailable" : pin.get().authToken() != null ? "authorized" : "waiting";
        web.response().header(HeaderNames.CACHE_CONTROL, "no-store");
        web.send(200, "application/json", Assets.utf8("{\"state\":\"" + state + "\"}"));
    }

    private void plexFinish(Web web) {
        Optional<PlexTvClient.Pin> pin = pin(web);
        if (pin.isEmpty()) {
            throw new UpstreamException("plex.tv", UpstreamException.Kind.UNREACHABLE, 0, "plex.tv down", null);
        }
        if (pin.get().authToken() == null) {
            throw ApiException.badRequest("PIN_NOT_AUTHORIZED", "Plex has not confirmed this sign-in yet. Approve it "
                    + "on plex.tv with the code shown, then press Continue.");
        }
        PlexTvClient.Account account = portal.components().plexTv().account(pin.get().authToken());
        pins.invalidate(web.path("handle"));
        SessionResponse s = portal.components().accounts().plexSignIn(account.id(), account.username(),
                account.email(), pin.get().authToken(), false, web.request().remotePeer().host(),
                web.request().headers().first(HeaderNames.USER_AGENT).orElse(null));
        portal.security().setSession(web.response(), s.token(), s.expiresAt(), false);
        web.redirect("/signin/plex/done");
    }

    private void plexDone(Web web) {
        web.page("plex-done", Map.of("ctx", web.ctx("Signed in with Plex", "signin")));
    }

    private void account(Web web) {
        accountPage(web, 200, null);
    }

    private void accountPage(Web web, int status, String error) {
        var user = portal.components().users().findById(web.user().userId());
        Map<String, Object> m = new HashMap<>();
        m.put("ctx", web.ctx("Account", "account"));
        m.put("hasPassword", user.map(u -> u.passwordHash() != null).orElse(false));
        m.put("plexName", user.map(u -> u.plexUsername()).orElse(null));
        m.put("error", error);
        web.page(status, "account", m);
    }

    private void changePassword(Web web) {
        String current = web.raw("current");
        String next = web.raw("new");
        if (current.isEmpty() || next.isEmpty()) {
            accountPage(web, 400, "Enter your current password and a new one.");
            return;
        }
        if (!next.equals(web.raw("confirm"))) {
            accountPage(web, 400, "The new password and its confirmation differ.");
            return;
        }
        try {
            portal.components().accounts().changePassword(web.user().userId(), current, next);
        } catch (ApiException e) {
            String why = e.status() == 401 ? "The current password is wrong."
                    : e.details() != null && !e.details().isEmpty() ? "The new password "
                    + e.details().values().iterator().next() + "." : e.getMessage();
            accountPage(web, e.status(), why);
            return;
        }
        portal.security().clear(web.response(), Security.SESSION_COOKIE);
        web.redirect("/signin", "password-changed");
    }

    private void signOutEverywhere(Web web) {
        portal.components().sessions().revokeAll(web.user().userId());
        portal.security().clear(web.response(), Security.SESSION_COOKIE);
        web.redirect("/signin", "signed-out-everywhere");
    }
}
