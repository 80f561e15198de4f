package app.medianest.server.portal;

import app.medianest.server.http.Principal;
import app.medianest.server.http.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One portal request: the signed-in person, the form, and the answers (a page, a redirect, an error page). */
public final class Web {
    /** Largest accepted form body. */
    static final int MAX_FORM = 64 * 1024;

    private final ServerRequest req;
    private final ServerResponse res;
    private final Principal user;
    private final Portal portal;
    private Map<String, List<String>> form;
    private String csrf;

    Web(ServerRequest req, ServerResponse res, Principal user, Portal portal) {
        this.req = req;
        this.res = res;
        this.user = user;
        this.portal = portal;
    }

    public ServerRequest request() {
        return req;
    }

    public ServerResponse response() {
        return res;
    }

    /**
     * Whether this response became an event stream: its headers may already be on the wire, so no error page
     * can follow (the stream sets its type just before it opens the output).
     */
    boolean streaming() {
        return res.headers().first(HeaderNames.CONTENT_TYPE).map(v -> v.startsWith("text/event-stream"))
                .orElse(false);
    }

    /** The signed-in person (never null on member and admin pages). */
    public Principal user() {
        return user;
    }

    public String path(String name) {
        return req.path().pathParameters().get(name);
    }

    public Optional<String> query(String name) {
        return req.query().first(name).asOptional().map(String::strip).filter(s -> !s.isEmpty());
    }

    /** A form field (first value), stripped; empty when absent or blank. */
    public Optional<String> field(String name) {
        List<String> v = form().get(name);
        return v == null || v.isEmpty() ? Optional.empty()
                : Optional.of(v.getFirst().strip()).filter(s -> !s.isEmpty());
    }

    /** A form field as given (passwords are not stripped). */
    public String raw(String name) {
        List<String> v = form().get(name);
        return v == null || v.isEmpty() ? "" : v.getFirst();
    }

    public List<String> fields(String name) {
        return form().getOrDefault(name, List.of());
    }

    /** The urlencoded form body; 415 for another type, 413 when too large, 400 when malformed. */
    Map<String, List<String>> form() {
        if (form != null) {
            return form;
        }
        String type = req.headers().contentType().map(t -> t.mediaType().text()).orElse("");
        if (!req.content().hasEntity()) {
            form = Map.of();
            return form;
        }
        if (!type.equals("application/x-www-form-urlencoded")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Forms must be sent as "
                    + "application/x-www-form-urlencoded");
        }
        byte[] body;
        try (var in = req.content().inputStream()) {
            body = in.readNBytes(MAX_FORM + 1);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("BAD_FORM", "The form could not be read");
        }
        if (body.length > MAX_FORM) {
            throw new ApiException(413, "PAYLOAD_TOO_LARGE", "The form is too large");
        }
        form = parse(new String(body, StandardCharsets.UTF_8));
        return form;
    }

    static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("BAD_FORM", "The form is malformed");
            }
        }
        return out;
    }

    /** The layout context for a page titled {@code title}, with navigation entry {@code nav} current. */
    public Ctx ctx(String title, String nav) {
        long unread = user == null || user.userId() == null ? 0 : portal.unread(user.userId());
        String notice = query("notice").map(Notices::text).orElse(null);
        return new Ctx(title, user, csrf(), unread, nav, notice, portal.assets());
    }

    String csrf() {
        if (csrf == null) {
            csrf = portal.security().csrfToken(user, user == null ? portal.security().preSession(req, res) : null);
        }
        return csrf;
    }

    /** Renders {@code template} (under src/main/jte/portal) with {@code params} as a 200 page. */
    public void page(String template, Map<String, Object> params) {
        page(200, template, params);
    }

    public void page(int status, String template, Map<String, Object> params) {
        send(status, "text/html; charset=UTF-8", portal.renderPage(template, params));
    }

    void send(int status, String contentType, byte[] body) {
        send(status, contentType, RenderedPage.of(body));
    }

    private void send(int status, String contentType, RenderedPage body) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        boolean gzip = body.length() > 1024 && acceptsGzip();
        if (gzip) {
            res.header(HeaderNames.CONTENT_ENCODING, "gzip");
            res.header(HeaderNames.VARY, "Accept-Encoding");
            res.send(PageGzip.gzip(body));
        } else {
            res.send(body.bytes());
        }
    }

    boolean acceptsGzip() {
        return req.headers().first(HeaderNames.ACCEPT_ENCODING).map(v -> v.contains("gzip")).orElse(false);
    }

    /** 303 See Other to a path on this server (POST-redirect-GET). */
    public void redirect(String location) {
        res.status(Status.SEE_OTHER_303);
        res.header(HeaderNames.LOCATION, location);
        res.send();
    }

    /** Redirects to {@code path} with a notice code shown at the top of the next page. */
    public void redirect(String path, String notice) {
        redirect(path + (path.contains("?") ? "&" : "?") + "notice=" + enc(notice));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
