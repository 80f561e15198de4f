package app.medianest.server.bench;

import app.medianest.model.Role;
import app.medianest.server.ApiRouting;
import app.medianest.server.Components;
import app.medianest.server.http.CommonFilter;
import app.medianest.server.http.ErrorMapper;
import app.medianest.server.http.RequestTimers;
import app.medianest.server.http.RouteTable;
import app.medianest.server.metrics.RouteMetrics;
import app.medianest.server.testing.Accounts;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.Fixtures;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Acceptance benchmark of issue 6 (prints; target at most 1.1x, not asserted): the same routes of the same
 * components served by three identical listeners in one run: one with the route timers in the filter and
 * route table, two without ({@link RequestTimers#NONE}). The second untimed listener is a control: its
 * ratio to the first shows the noise floor of the machine. Rounds alternate (see {@link HttpLoad.Comparison}).
 * Also prints the in-process cost of one timer record.
 */
class InstrumentationOverheadBenchmarkTest {
    private static final int WORKERS = 2;
    private static final Duration ROUND = Duration.ofMillis(200);
    private static final int ROUNDS = 10;
    private static final String BASELINE = "no route timers";

    @Test
    void routeTimersCostLittle() throws Exception {
        try (TestDatabase db = TestDatabase.create(DbKind.H2); TestServer server = TestServer.start(db)) {
            Components c = server.server().components();
            String token = Accounts.session(server, Fixtures.user(c.database().jdbc(), "bench", Role.USER).id());
            Map<String, WebServer> servers = new LinkedHashMap<>();
            servers.put(BASELINE, listener(c, RequestTimers.NONE));
            servers.put("no route timers, control", listener(c, RequestTimers.NONE));
            servers.put("route timers", listener(c, c.perf().routeTimers()));
            try {
                StringBuilder table = new StringBuilder("\nRoute timers on vs off: " + WORKERS + " workers, " + ROUNDS
                        + " alternating rounds of " + ROUND.toMillis() + " ms per listener, medians\n")
                        .append(HttpLoad.HEADER).append('\n');
                List<String> order = new ArrayList<>(servers.keySet());
                String[][] routes = {{"/health"}, {"/api/v1/auth/session", "Authorization", "Bearer " + token}};
                for (String[] route : routes) {
                    for (WebServer s : servers.values()) {
                        HttpLoad.run(url(s, route[0]), List.of(route).subList(1, route.length), WORKERS,
                                Duration.ofMillis(400));
                    }
                }
                for (String[] route : routes) {
                    List<String> headers = List.of(route).subList(1, route.length);
                    HttpLoad.Comparison cmp = new HttpLoad.Comparison();
                    for (int i = 0; i < ROUNDS; i++) {
                        for (String name : order) {
                            cmp.add(name, HttpLoad.run(url(servers.get(name), route[0]), headers, WORKERS, ROUND));
                        }
                        java.util.Collections.rotate(order, 1);
                    }
                    assertEquals(0, cmp.failures());
                    table.append(cmp.rows(route[0], BASELINE, List.copyOf(servers.keySet())));
                }
                table.append(String.format(Locale.ROOT, "one timer record in process (warm): %.0f ns%n",
                        recordNanos(c)));
                System.out.println(table.append("time/base above 1.00 = slower than without timers; target <= 1.10"));
            } finally {
                servers.values().forEach(WebServer::stop);
            }
        }
    }

    /** A listener over {@code c}'s routes wired like {@code ApiRouting}, with the given timers. */
    private static WebServer listener(Components c, RequestTimers timers) {
        return WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false).routing(r -> {
            RouteTable routes = ApiRouting.routeTable(c);
            r.addFilter(new CommonFilter(timers));
            r.error(Throwable.class, ErrorMapper::handle);
            routes.register(r, c.authenticator(), timers);
        }).build().start();
    }

    private static String url(WebServer s, String path) {
        return "http://127.0.0.1:" + s.port() + path;
    }

    /** Nanoseconds per {@code RouteTimer.record} on a warm timer. */
    private static double recordNanos(Components c) {
        RouteMetrics.RouteMeters meters = c.perf().routeTimers().route("GET", "/bench/record");
        int n = 2_000_000;
        for (int i = 0; i < n; i++) {
            meters.record(200, 100_000 + (i & 1023));
        }
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            meters.record(200, 100_000 + (i & 1023));
        }
        return (System.nanoTime() - t) / (double) n;
    }
}
