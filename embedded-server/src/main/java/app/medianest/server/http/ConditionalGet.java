package app.medianest.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Conditional GET for cacheable JSON answers: a strong {@code ETag} (SHA-256 of the exact body bytes, so equal
 * bytes give equal tags on any instance), {@code Cache-Control: private, max-age=0, must-revalidate} (a
 * browser may keep the answer but must ask again; shared caches must not store per-user data), and
 * {@code 304 Not Modified} without a body when {@code If-None-Match} names the current tag.
 */
public final class ConditionalGet {
    /** Cache-Control of per-user answers. */
    public static final String PRIVATE = "private, max-age=0, must-revalidate";

    private ConditionalGet() {
    }

    /** Sends {@code body} (serialised JSON) as 200, or 304 when the client's copy is current. */
    static void send(Exchange ex, byte[] body) {
        String etag = etag(body);
        ServerResponse res = ex.response();
        res.header(HeaderNames.ETAG, etag);
        res.header(HeaderNames.CACHE_CONTROL, PRIVATE);
        res.header(HeaderNames.VARY, "Authorization, X-Api-Key");
        if (matches(ex.header("If-None-Match"), etag)) {
            res.status(Status.NOT_MODIFIED_304);
            res.send();
            return;
        }
        ex.sendJson(200, body);
    }

    /** The strong entity tag of {@code body}: a quoted, URL-safe base64 SHA-256 prefix (128 bits). */
    public static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16))
                    + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether an {@code If-None-Match} header names {@code etag}: {@code *}, or a comma-separated list compared
     * with the weak comparison RFC 9110 prescribes for this header (a {@code W/} prefix is ignored).
     */
    public static boolean matches(Optional<String> ifNoneMatch, String etag) {
        if (ifNoneMatch.isEmpty()) {
            return false;
        }
        String header = ifNoneMatch.get().strip();
        if (header.equals("*")) {
            return true;
        }
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
