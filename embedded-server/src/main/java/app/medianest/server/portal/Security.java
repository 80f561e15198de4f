package app.medianest.server.portal;

import app.medianest.server.http.Principal;
import app.medianest.server.auth.SessionService;
import app.medianest.server.http.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The browser side of sign-in: the session cookie (the same opaque session token the API hands out, so the
 * session store revokes both alike), the pre-session cookie of signed-out visitors, CSRF tokens and the
 * same-origin check for form posts, and the security headers of every portal response.
 */
public final class Security {
    /** The session cookie: HttpOnly, SameSite=Lax, Secure under TLS. */
    public static final String SESSION_COOKIE = "mn_session";
    /** A random value for signed-out visitors, so the sign-in form has a CSRF token too. */
    public static final String PRE_COOKIE = "mn_pre";
    /** The hidden form field carrying the CSRF token. */
    public static final String CSRF_FIELD = "_csrf";

    /** Scripts, styles and fonts only from this server; posters from TMDB (the Overseerr search results). */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: "
            + "https://image.tmdb.org; connect-src 'self'; form-action 'self'; manifest-src 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionService sessions;
    private final boolean tls;
    /** HMAC-SHA256 keyed with this server's random CSRF key, cloned for each token (no key set-up per page). */
    private final Mac csrfMac;

    Security(SessionService sessions, boolean tls) {
        this.sessions = sessions;
        this.tls = tls;
        byte[] csrfKey = new byte[32];
        RANDOM.nextBytes(csrfKey);
        try {
            csrfMac = Mac.getInstance("HmacSHA256");
            csrfMac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed-in person of this browser request, or empty (no cookie, or a revoked/expired session). */
    public Optional<Principal> principal(ServerRequest req) {
        Optional<String> token = cookie(req, SESSION_COOKIE);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            Principal p = sessions.bySession(token.get());
            return p.isApiKey() ? Optional.empty() : Optional.of(p);
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    /** Whether the request carries a session cookie at all (a stale one is cleared). */
    boolean hasSessionCookie(ServerRequest req) {
        return cookie(req, SESSION_COOKIE).isPresent();
    }

    void setSession(ServerResponse res, String token, Instant expires, boolean remember) {
        StringBuilder c = new StringBuilder(SESSION_COOKIE).append('=').append(token)
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (remember) {
            c.append("; Max-Age=").append(Math.max(0, Duration.between(Instant.now(), expires).toSeconds()));
        }
        if (tls) {
            c.append("; Secure");
        }
        res.headers().add(HeaderNames.SET_COOKIE, c.toString());
        clear(res, PRE_COOKIE);
    }

    void clear(ServerResponse res, String name) {
        res.headers().add(HeaderNames.SET_COOKIE, name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
                + (tls ? "; Secure" : ""));
    }

    /** The pre-session value of a signed-out visitor, set on the response when the browser has none yet. */
    String preSession(ServerRequest req, ServerResponse res) {
        Optional<String> v = cookie(req, PRE_COOKIE).filter(s -> s.length() == 32 && s.matches("[A-Za-z0-9_-]+"));
        if (v.isPresent()) {
            return v.get();
        }
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        res.headers().add(HeaderNames.SET_COOKIE, PRE_COOKIE + "=" + fresh + "; Path=/; HttpOnly; SameSite=Lax"
                + (tls ? "; Secure" : ""));
        return fresh;
    }

    /** The CSRF token for a session (signed in) or a pre-session value (signed out). */
    String csrfToken(Principal p, String preSession) {
        String bound = p != null ? "s:" + p.sessionId() : "p:" + preSession;
        return hmac(bound);
    }

    boolean csrfValid(Principal p, ServerRequest req, String given) {
        if (given == null || given.isEmpty()) {
            return false;
        }
        String expected;
        if (p != null) {
            expected = csrfToken(p, null);
        } else {
            Optional<String> pre = cookie(req, PRE_COOKIE);
            if (pre.isEmpty()) {
                return false;
            }
            expected = csrfToken(null, pre.get());
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A state-changing request from another site or origin: a browser says so in {@code Origin} (compared
     * with this server's own origin, from the Host header) or {@code Sec-Fetch-Site}.
     */
    boolean crossOrigin(ServerRequest req) {
        Optional<String> site = req.headers().first(HeaderNames.create("Sec-Fetch-Site"));
        if (site.isPresent() && !site.get().equals("same-origin") && !site.get().equals("none")) {
            return true;
        }
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (origin.isEmpty()) {
            return false;
        }
        String host = req.headers().first(HeaderNames.HOST).orElse("");
        String self = (tls ? "https://" : "http://") + host;
        return !origin.get().equalsIgnoreCase(self);
    }

    /** The headers every portal page carries (on top of the common filter's). */
    static void headers(ServerResponse res) {
        res.header("Content-Security-Policy", CSP);
        res.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        res.header("Referrer-Policy", "same-origin");
    }

    private String hmac(String value) {
        try {
            Mac mac = (Mac) csrfMac.clone();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<String> cookie(ServerRequest req, String name) {
        for (String header : req.headers().all(HeaderNames.COOKIE, java.util.List::of)) {
            for (String part : header.split(";")) {
                String p = part.strip();
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).equals(name)) {
                    String v = p.substring(eq + 1);
                    return v.isEmpty() || v.length() > 256 ? Optional.empty() : Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }
}
