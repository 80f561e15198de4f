package app.medianest.server.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The server's route table: every route with its method, path template and {@link Access} rule. Services
 * add their routes here; the table enforces access before the handler runs, answers 405/404 in the
 * standard envelope for anything else, and is what the authorization-matrix test enumerates.
 */
public final class RouteTable {
    /** One route: what the matrix test sees. */
    public record Route(Method method, String path, Access access) {
    }

    private record Entry(Route route, ApiHandler handler, Pattern pattern) {
    }

    /** A route as registered into Helidon: its entry and its timer. */
    private record Bound(Entry entry, RequestTimers.RouteTimer timer) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public RouteTable get(String path, Access access, ApiHandler handler) {
        return add(Method.GET, path, access, handler);
    }

    public RouteTable post(String path, Access access, ApiHandler handler) {
        return add(Method.POST, path, access, handler);
    }

    public RouteTable put(String path, Access access, ApiHandler handler) {
        return add(Method.PUT, path, access, handler);
    }

    public RouteTable patch(String path, Access access, ApiHandler handler) {
        return add(Method.PATCH, path, access, handler);
    }

    public RouteTable delete(String path, Access access, ApiHandler handler) {
        return add(Method.DELETE, path, access, handler);
    }

    public synchronized RouteTable add(Method method, String path, Access access, ApiHandler handler) {
        for (Entry e : entries) {
            if (e.route().method().equals(method) && e.route().path().equals(path)) {
                throw new IllegalStateException("route registered twice: " + method.text() + " " + path);
            }
        }
        entries.add(new Entry(new Route(method, path, access), handler, templatePattern(path)));
        return this;
    }

    /** All routes, in registration order. */
    public synchronized List<Route> routes() {
        return entries.stream().map(Entry::route).toList();
    }

    /** Registers every route, then the 405/404 fallback, into {@code routing}. */
    public void register(HttpRouting.Builder routing, Authenticator authenticator) {
        register(routing, authenticator, RequestTimers.NONE);
    }

    /** Registers every route with its timer from {@code timers}, then the 405/404 fallback. */
    public synchronized void register(HttpRouting.Builder routing, Authenticator authenticator,
                                      RequestTimers timers) {
        for (Entry e : List.copyOf(entries)) {
            Bound b = new Bound(e, timers.route(e.route().method().text(), e.route().path()));
            routing.route(e.route().method(), e.route().path(), (req, res) -> dispatch(b, authenticator, req, res));
        }
        routing.any((req, res) -> ErrorMapper.handle(req, res, unmatched(req)));
    }

    private static void dispatch(Bound b, Authenticator authenticator, ServerRequest req, ServerResponse res)
            throws Exception {
        RequestInfo.of(req).route(b.timer());
        Entry e = b.entry();
        Principal principal = null;
        Access access = e.route().access();
        if (access == Access.USER || access == Access.ADMIN) {
            principal = authenticator.authenticate(req)
                    .orElseThrow(() -> ApiException.unauthorized("Sign in to use this route"));
            if (access == Access.ADMIN && !principal.isAdmin()) {
                throw ApiException.forbidden("This route is for admins");
            }
        } else if (access == Access.PUBLIC) {
            principal = optionalPrincipal(authenticator, req);
        }
        e.handler().handle(new Exchange(req, res, principal));
    }

    /** Public routes still see a valid caller when one is presented; bad credentials are simply ignored. */
    private static Principal optionalPrincipal(Authenticator authenticator, ServerRequest req) {
        try {
            return authenticator.authenticate(req).orElse(null);
        } catch (ApiException e) {
            return null;
        }
    }

    private ApiException unmatched(ServerRequest req) {
        String path = req.path().path();
        Set<String> allowed = new LinkedHashSet<>();
        synchronized (this) {
            for (Entry e : entries) {
                if (e.pattern().matcher(path).matches()) {
                    allowed.add(e.route().method().text());
                }
            }
        }
        if (!allowed.isEmpty()) {
            return new ApiException(405, "METHOD_NOT_ALLOWED", "Method " + req.prologue().method().text()
                    + " is not allowed here", null, java.util.Map.of("Allow", String.join(", ", allowed)));
        }
        return ApiException.notFound("No route for " + req.prologue().method().text() + " " + truncate(path));
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static Pattern templatePattern(String template) {
        StringBuilder b = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            b.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(b.toString());
    }
}
