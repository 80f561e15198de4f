package app.medianest.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Data size against latency: the same routes on two servers with databases of different sizes (e.g. 100,000 and
 * 1,000,000 requests), measured in the same run in interleaved rounds, one keep-alive connection per server and
 * session, requests one after the other (service time of the route itself). Every list route (first page, a page
 * 2,000 rows deep, each filter and each sort), the dashboard and the admin statistics (the user list with request
 * counts, the request counts, {@code admin/stats}); {@code /health} as the reference that shows how much the two
 * servers differ when data plays no part. The servers take turns request by request. Prints p50 and p99 per route and server and the ratio of the larger database's p99 to the
 * smaller's (target: at most 1.3).
 *
 * <p>Usage: {@code java -cp benchmarks.jar app.medianest.benchmarks.DataSizeRoutes --server LABEL=URL,ADMIN_TOKEN,
 * USER_TOKEN --server LABEL=URL,ADMIN_TOKEN,USER_TOKEN [--requests 1000] [--rounds 10]}. Exit code 1 when a route's
 * p99 ratio is over the bound ({@code --bound 1.3}).
 */
public final class DataSizeRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DataSizeRoutes() {
    }

    private record Server(String label, URI base, String admin, String user) {
    }

    /** A route as each server resolves it (cursors and ids differ between databases). */
    private record Route(String label, boolean asAdmin, List<String> paths, List<List<Long>> nanos) {
    }

    public static void main(String[] args) throws Exception {
        List<Server> servers = new ArrayList<>();
        int requests = 1000;
        int rounds = 10;
        double bound = 1.3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> {
                    String[] labelRest = args[++i].split("=", 2);
                    String[] parts = labelRest[1].split(",");
                    servers.add(new Server(labelRest[0], URI.create(parts[0]), parts[1], parts[2]));
                }
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--bound" -> bound = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("usage: DataSizeRoutes --server LABEL=URL,ADMIN_TOKEN,USER_TOKEN (twice) "
                            + "[--requests N] [--rounds R] [--bound 1.3]");
                    System.exit(2);
                }
            }
        }
        if (servers.size() != 2) {
            System.err.println("give exactly two --server");
            System.exit(2);
        }
        List<Route> routes = routes(servers);
        Map<String, KeepAliveConnection> connections = new LinkedHashMap<>();
        try {
            for (int round = 0; round <= rounds; round++) {
                for (Route route : routes) {
                    KeepAliveConnection[] c = new KeepAliveConnection[servers.size()];
                    byte[][] request = new byte[servers.size()][];
                    for (int s = 0; s < servers.size(); s++) {
                        Server server = servers.get(s);
                        c[s] = connections.computeIfAbsent(server.label() + route.asAdmin(), k -> open(server.base()));
                        request[s] = KeepAliveConnection.get(URI.create(server.base() + route.paths().get(s)),
                                route.paths().get(s).equals("/health") ? null : route.asAdmin() ? server.admin()
                                        : server.user());
                    }
                    int n = round == 0 ? Math.max(5, requests / 4) : requests; // round 0 warms up
                    // The servers take turns request by request (who goes first alternates), so a hiccup of the
                    // machine falls on both alike.
                    for (int i = 0; i < n; i++) {
                        for (int turn = 0; turn < servers.size(); turn++) {
                            int s = (turn + i) % servers.size();
                            long start = System.nanoTime();
                            int status = c[s].exchange(request[s]);
                            long took = System.nanoTime() - start;
                            if (status != 200) {
                                throw new IOException(servers.get(s).label() + " " + route.paths().get(s)
                                        + " answered " + status);
                            }
                            if (round > 0) {
                                route.nanos().get(s).add(took);
                            }
                        }
                    }
                }
            }
        } finally {
            for (KeepAliveConnection c : connections.values()) {
                c.close();
            }
        }
        System.exit(print(servers, routes, bound) ? 0 : 1);
    }

    private static KeepAliveConnection open(URI base) {
        try {
            return new KeepAliveConnection(base);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Route> routes(List<Server> servers) throws IOException {
        Map<String, List<String>> admin = new LinkedHashMap<>();
        Map<String, List<String>> user = new LinkedHashMap<>();
        admin.put("/health (reference)", new ArrayList<>());
        for (Server s : servers) {
            try (KeepAliveConnection c = new KeepAliveConnection(s.base())) {
                String base = s.base().toString();
                JsonNode me = json(c, base + "/api/v1/auth/session", s.user());
                String userId = me.path("data").path("user").path("id").asText(me.path("data").path("id").asText());
                JsonNode first = json(c, base + "/api/v1/admin/requests?limit=1", s.admin()).path("data").get(0);
                String term = first.path("title").asText().split("[^\\p{L}\\p{N}]+")[0];
                String from = LocalDate.now(ZoneOffset.UTC).minusDays(30).toString();
                String requestsDeep = deep(c, base, "/api/v1/admin/requests?limit=100", s.admin(), 20);
                String titleDeep = deep(c, base, "/api/v1/admin/requests?limit=100&sort=title&order=asc", s.admin(),
                        20);
                String usersDeep = deep(c, base, "/api/v1/admin/users?limit=100", s.admin(), 20);
                String mineDeep = deep(c, base, "/api/v1/media/requests?limit=20", s.user(), 2);
                add(admin, "/health (reference)", "/health");
                add(admin, "admin/requests first page", "/api/v1/admin/requests?limit=20");
                add(admin, "admin/requests 2,000 rows deep", "/api/v1/admin/requests?limit=20&cursor=" + requestsDeep);
                add(admin, "admin/requests status=pending", "/api/v1/admin/requests?limit=20&status=pending");
                add(admin, "admin/requests status=available", "/api/v1/admin/requests?limit=20&status=available");
                add(admin, "admin/requests mediaType=tv", "/api/v1/admin/requests?limit=20&mediaType=tv");
                add(admin, "admin/requests search=" + "<title word>", "/api/v1/admin/requests?limit=20&search="
                        + URLEncoder.encode(term, StandardCharsets.UTF_8));
                add(admin, "admin/requests from=30 days ago", "/api/v1/admin/requests?limit=20&from=" + from);
                add(admin, "admin/requests userId=<busiest>", "/api/v1/admin/requests?limit=20&userId=" + userId);
                add(admin, "admin/requests userId+status", "/api/v1/admin/requests?limit=20&userId=" + userId
                        + "&status=pending");
                add(admin, "admin/requests sort=title", "/api/v1/admin/requests?limit=20&sort=title&order=asc");
                add(admin, "admin/requests sort=title deep", "/api/v1/admin/requests?limit=20&sort=title&order=asc"
                        + "&cursor=" + titleDeep);
                add(admin, "admin/requests sort=status", "/api/v1/admin/requests?limit=20&sort=status");
                add(admin, "admin/requests order=asc", "/api/v1/admin/requests?limit=20&order=asc");
                add(admin, "admin/users first page (with counts)", "/api/v1/admin/users?limit=20");
                add(admin, "admin/users 2,000 deep", "/api/v1/admin/users?limit=20&cursor=" + usersDeep);
                add(admin, "admin/users sort=username", "/api/v1/admin/users?limit=20&sort=username&order=asc");
                add(admin, "admin/users role=admin", "/api/v1/admin/users?limit=20&role=admin");
                add(admin, "admin/users search", "/api/v1/admin/users?limit=20&search=user1");
                add(admin, "admin dashboard/stats", "/api/v1/dashboard/stats");
                add(admin, "admin/stats (statistics)", "/api/v1/admin/stats");
                add(user, "dashboard/stats", "/api/v1/dashboard/stats");
                add(user, "media/requests/counts", "/api/v1/media/requests/counts");
                add(user, "media/requests (mine) first page", "/api/v1/media/requests?limit=20");
                add(user, "media/requests (mine) 2nd page", "/api/v1/media/requests?limit=20&cursor=" + mineDeep);
                add(user, "media/requests (mine) status=pending", "/api/v1/media/requests?limit=20&status=pending");
                add(user, "media/requests (mine) sort=title", "/api/v1/media/requests?limit=20&sort=title");
                add(user, "dashboard/notifications", "/api/v1/dashboard/notifications?limit=20");
                add(user, "youtube/downloads (mine)", "/api/v1/youtube/downloads?limit=20");
            }
        }
        admin.remove("/health (reference)");
        List<Route> routes = new ArrayList<>();
        routes.add(route("/health (reference)", true, List.of("/health", "/health")));
        admin.forEach((label, paths) -> routes.add(route(label, true, paths)));
        user.forEach((label, paths) -> routes.add(route(label, false, paths)));
        // A route either server does not answer 200 (nothing seeded for it, say) is named and left out.
        routes.removeIf(r -> {
            for (int i = 0; i < servers.size(); i++) {
                Server s = servers.get(i);
                try (KeepAliveConnection c = new KeepAliveConnection(s.base())) {
                    int status = c.exchange(KeepAliveConnection.get(URI.create(s.base() + r.paths().get(i)),
                            r.asAdmin() ? s.admin() : s.user()));
                    if (status != 200) {
                        System.out.println("left out " + r.label() + ": " + s.label() + " answered " + status);
                        return true;
                    }
                } catch (IOException e) {
                    System.out.println("left out " + r.label() + ": " + e.getMessage());
                    return true;
                }
            }
            return false;
        });
        return routes;
    }

    private static Route route(String label, boolean asAdmin, List<String> paths) {
        return new Route(label, asAdmin, paths, List.of(new ArrayList<>(), new ArrayList<>()));
    }

    private static void add(Map<String, List<String>> routes, String label, String path) {
        routes.computeIfAbsent(label, k -> new ArrayList<>()).add(path);
    }

    private static JsonNode json(KeepAliveConnection c, String uri, String token) throws IOException {
        return JSON.readTree(c.fetch(KeepAliveConnection.get(URI.create(uri), token)));
    }

    /** The cursor after {@code pages} pages of the list. */
    private static String deep(KeepAliveConnection c, String base, String path, String token, int pages)
            throws IOException {
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            JsonNode page = json(c, base + path + (cursor == null ? "" : "&cursor=" + cursor), token);
            String next = page.path("meta").path("nextCursor").asText(null);
            if (next == null || next.isEmpty() || "null".equals(next)) {
                break;
            }
            cursor = URLEncoder.encode(next, StandardCharsets.UTF_8);
        }
        if (cursor == null) {
            throw new IOException(path + " has a single page");
        }
        return cursor;
    }

    private static boolean print(List<Server> servers, List<Route> routes, double bound) {
        boolean ok = true;
        String a = servers.get(0).label();
        String b = servers.get(1).label();
        System.out.printf(Locale.ROOT, "%-40s %10s %10s %10s %10s %9s %9s%n", "route", a + " p50", a + " p99",
                b + " p50", b + " p99", "p50 x", "p99 x");
        for (Route r : routes) {
            double a50 = percentile(r.nanos().get(0), 0.5);
            double a99 = percentile(r.nanos().get(0), 0.99);
            double b50 = percentile(r.nanos().get(1), 0.5);
            double b99 = percentile(r.nanos().get(1), 0.99);
            double ratio = b99 / a99;
            boolean over = ratio > bound && !r.label().contains("reference");
            ok &= !over;
            System.out.printf(Locale.ROOT, "%-40s %10.3f %10.3f %10.3f %10.3f %9.2f %9.2f%s%n", r.label(), a50 / 1e6,
                    a99 / 1e6, b50 / 1e6, b99 / 1e6, b50 / a50, ratio, over ? "  OVER " + bound + "x" : "");
        }
        System.out.println("samples per route and server: " + routes.getFirst().nanos().getFirst().size()
                + "; times in ms, one keep-alive connection each, requests one after the other");
        System.out.println(ok ? "every route's p99 within " + bound + "x" : "FAILED: a route's p99 is over " + bound
                + "x");
        return ok;
    }

    private static double percentile(List<Long> values, double q) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
