package app.medianest.server.portal;

import app.medianest.server.Components;
import app.medianest.server.http.Principal;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.events.EventsHttp;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RequestInfo;
import app.medianest.server.http.RequestTimers;
import app.medianest.server.upstream.UpstreamException;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The family portal's routes and their common handling: who may open each page (signed out, member, admin),
 * the same-origin and CSRF checks on every form post, the security headers, and error pages in HTML (4xx with a
 * clear message; an upstream that is down is a 503 page, never a 500).
 */
public final class Portal {
    private static final System.Logger LOG = System.getLogger(Portal.class.getName());

    /** Who may open a page. */
    public enum Who { ANYONE, MEMBER, ADMIN }

    /** One page or form route: what the page catalogue and docs list. */
    public record Route(Method method, String path, Who who) {
    }

    /** A page handler. */
    @FunctionalInterface
    public interface Handler {
        void handle(Web web) throws Exception;
    }

    private final Components components;
    private final Security security;
    private final Assets assets;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final RequestTimers timers;
    private final List<Route> routes = new ArrayList<>();
    private final EventsHttp live;
    private HttpRouting.Builder routing;

    private Portal(Components c) {
        this.components = c;
        boolean tls = c.config().settings().bool(SettingsCatalog.TLS);
        this.security = new Security(c.sessions(), tls);
        this.assets = new Assets();
        assets.add("manifest.webmanifest", Assets.utf8(manifest()));
        this.timers = c.perf().routeTimers();
        this.live = new EventsHttp(c.events(), req -> security.principal(req),
                c.config().settings().duration(SettingsCatalog.EVENTS_HEARTBEAT, Duration.ofMillis(10),
                        Duration.ofMinutes(5)));
    }

    /** Builds the portal over the components' services and adds its routes to {@code routing}. */
    public static Portal install(HttpRouting.Builder routing, Components c) {
        Portal p = new Portal(c);
        p.routing = routing;
        p.register();
        p.routing = null;
        return p;
    }

    private void register() {
        get("/assets/{file}", Who.ANYONE, this::asset);
        get("/live", Who.MEMBER, this::liveEvents);
        new AuthPages(this).routes();
        new MediaPages(this).routes();
        new AdminPages(this).routes();
        new MorePages(this).routes();
    }

    Components components() {
        return components;
    }

    Security security() {
        return security;
    }

    Assets assets() {
        return assets;
    }

    TemplateEngine templates() {
        return templates;
    }

    /** Renders {@code template} (under src/main/jte/portal) with {@code params} as UTF-8 HTML. */
    byte[] render(String template, java.util.Map<String, Object> params) {
        gg.jte.output.Utf8ByteOutput out = new gg.jte.output.Utf8ByteOutput();
        templates.render("portal/" + template + ".jte", params, out);
        return out.toByteArray();
    }

    /** Renders the page {@code template} with {@code params}, the rows of kept lists among them kept apart. */
    RenderedPage renderPage(String template, java.util.Map<String, Object> params) {
        RenderedPage.Output out = new RenderedPage.Output(params);
        templates.render("portal/" + template + ".jte", params, out);
        return out.page();
    }

    /** Every route of the portal, in registration order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    long unread(UUID userId) {
        try {
            return components.notifications().unreadCount(userId);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    void get(String path, Who who, Handler h) {
        add(Method.GET, path, who, h);
    }

    void post(String path, Who who, Handler h) {
        add(Method.POST, path, who, h);
    }

    private void add(Method method, String path, Who who, Handler h) {
        routes.add(new Route(method, path, who));
        RequestTimers.RouteTimer timer = timers.route(method.text(), path);
        routing.route(method, path, (req, res) -> dispatch(method, who, h, timer, req, res));
    }

    private void dispatch(Method method, Who who, Handler h, RequestTimers.RouteTimer timer, ServerRequest req,
                          ServerResponse res) {
        RequestInfo.of(req).route(timer);
        Optional<Principal> user = security.principal(req);
        Web web = new Web(req, res, user.orElse(null), this);
        Security.headers(res);
        try {
            if (user.isEmpty() && security.hasSessionCookie(req)) {
                security.clear(res, Security.SESSION_COOKIE);
            }
            if (who != Who.ANYONE && user.isEmpty()) {
                String next = req.prologue().method() == Method.GET ? req.path().path() : "/";
                web.redirect("/signin" + ("/".equals(next) ? "" : "?next=" + Web.enc(next)));
                return;
            }
            if (who == Who.ADMIN && !user.get().isAdmin()) {
                throw ApiException.forbidden("This page is for admins.");
            }
            if (method == Method.POST) {
                if (security.crossOrigin(req)) {
                    throw new ApiException(403, "CROSS_ORIGIN", "This form was sent from another site, so it was "
                            + "refused. Open MediaNest directly and try again.");
                }
                if (!security.csrfValid(user.orElse(null), req, web.field(Security.CSRF_FIELD).orElse(null))) {
                    throw new ApiException(403, "CSRF", "This form has expired or did not come from MediaNest. "
                            + "Go back, reload the page and try again.");
                }
            }
            h.handle(web);
        } catch (CloseConnectionException e) {
            // The client went away (a page with a live stream was left or closed): the normal end of a stream.
            LOG.log(System.Logger.Level.DEBUG, "Portal page {0}: connection closed by the client",
                    req.path().path());
            throw e;
        } catch (ApiException e) {
            error(web, e.status(), message(e));
        } catch (UpstreamException e) {
            error(web, 503, e.service() + " is not available right now. Please try again in a little while.");
        } catch (UncheckedIOException e) {
            if (!web.streaming()) {
                throw e;
            }
            LOG.log(System.Logger.Level.DEBUG, "Portal page {0}: stream ended: {1}", req.path().path(),
                    e.getMessage());
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "Portal page " + req.path().path() + " failed", e);
            error(web, 500, "Something went wrong on the server. Please try again.");
        }
    }

    /** The exception's message, or for a validation error what is wrong with each field. */
    static String message(ApiException e) {
        if (e.details() == null || e.details().isEmpty()) {
            return e.getMessage();
        }
        StringBuilder b = new StringBuilder();
        e.details().forEach((field, why) -> {
            String w = String.valueOf(why);
            b.append(b.isEmpty() ? "" : " ").append(w.endsWith(".") ? w : field + " " + w + ".");
        });
        return b.toString();
    }

    private void error(Web web, int status, String message) {
        if (web.response().isSent() || web.streaming()) {
            return;
        }
        web.response().headers().remove(HeaderNames.LOCATION);
        String title = switch (status) {
            case 400, 422 -> "That did not work";
            case 401 -> "Sign-in failed";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Not possible";
            case 429 -> "Too many attempts";
            case 503, 504 -> "Service unavailable";
            default -> "Error";
        };
        web.page(status, "error", Map.of("ctx", web.ctx(title, ""), "message", message == null ? "" : message,
                "status", status));
    }

    private void asset(Web web) {
        Optional<Assets.Asset> a = assets.byUrl("/assets/" + web.path("file"));
        if (a.isEmpty()) {
            throw ApiException.notFound("No such file.");
        }
        ServerResponse res = web.response();
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=31536000, immutable");
        res.header(HeaderNames.CONTENT_TYPE, a.get().contentType());
        res.header(HeaderNames.VARY, "Accept-Encoding");
        if (web.acceptsGzip() && a.get().gzip().length < a.get().plain().length) {
            res.header(HeaderNames.CONTENT_ENCODING, "gzip");
            res.send(a.get().gzip());
        } else {
            res.send(a.get().plain());
        }
    }

    private void liveEvents(Web web) {
        live.stream(Exchange.of(web.request(), web.response(), web.user()));
    }

    private String manifest() {
        return "{\"name\":\"MediaNest\",\"short_name\":\"MediaNest\",\"start_url\":\"/\",\"scope\":\"/\","
                + "\"display\":\"standalone\",\"background_color\":\"#0b1416\",\"theme_color\":\"#0f766e\","
                + "\"icons\":[{\"src\":\"" + assets.url("icon-192.png") + "\",\"sizes\":\"192x192\",\"type\":"
                + "\"image/png\",\"purpose\":\"any maskable\"},{\"src\":\"" + assets.url("icon-512.png")
                + "\",\"sizes\":\"512x512\",\"type\":\"image/png\",\"purpose\":\"any maskable\"},{\"src\":\""
                + assets.url("icon.svg") + "\",\"sizes\":\"any\",\"type\":\"image/svg+xml\"}]}";
    }
}
