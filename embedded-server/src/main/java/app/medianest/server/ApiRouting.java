package app.medianest.server;

import app.medianest.server.http.CommonFilter;
import app.medianest.server.http.ErrorMapper;
import app.medianest.server.http.RouteTable;
import io.helidon.webserver.http.HttpRouting;

/** Registers every route of the server in one place. Tests and the console use this same method. */
public final class ApiRouting {
    private ApiRouting() {
    }

    /** Builds the route table from the components' services. */
    public static RouteTable routeTable(Components c) {
        RouteTable routes = new RouteTable();
        c.routes(routes);
        return routes;
    }

    /** Installs the common filter, error mapping and every route into {@code routing}. */
    public static RouteTable routing(HttpRouting.Builder routing, Components c) {
        RouteTable routes = routeTable(c);
        routing.addFilter(new CommonFilter(c.perf().routeTimers(), CommonFilter.origins(c.config().settings()
                .string(app.medianest.server.config.SettingsCatalog.CORS_ORIGINS).orElse(""))));
        routing.error(Throwable.class, ErrorMapper::handle);
        // The family portal's pages at /, before the route table's 404/405 fallback.
        app.medianest.server.portal.Portal.install(routing, c);
        routes.register(routing, c.authenticator(), c.perf().routeTimers());
        return routes;
    }
}
