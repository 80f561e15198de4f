package app.medianest.benchmarks;

import io.helidon.webserver.WebServer;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Response size against latency on ONE keep-alive connection per server: the check that a response of 8 KB or
 * more does not wait for the client's delayed acknowledgement (the 40 ms stall of a server that leaves Nagle's
 * algorithm on). Requests go one after the other, so the median is pure service time plus the network stack.
 *
 * <p>Three servers are measured in the same run, in interleaved rounds: a bare Helidon route answering exactly
 * 1, 8, 16, 64 and 256 KB with {@code tcpNoDelay(true)} and {@code useNio(false)} (the reference, as MediaNest
 * runs: one write per response instead of the NIO socket's 8 KB ones), the same bare route
 * with Helidon's default socket options (the control: it shows the stall, proving the measurement can see it),
 * and the MediaNest routes given with {@code --api} (default: pages of 3, 25, 50 and 100 admin requests, about
 * 1, 8, 16 and 33 KB, as a page holds at most 100; the OpenAPI document, about 86 KB, the largest answer
 * MediaNest gives; not the Prometheus page, whose time is its scrape's work on every meter) and the family
 * portal's pages given with {@code --page} (with the session cookie; default: home, my requests, notifications and
 * the admin request and user lists, about 2-67 KB), each twice: plain, then with a browser's
 * {@code Accept-Encoding}, compressed as a phone gets it (the bytes column is then what crosses the network). Each
 * server's medians are printed as ratios to its own smallest response's median, for
 * MediaNest the 1 KB API answer (the target: every size within 2x; the verdict is MediaNest's, the reference's
 * 256 KB answer costs its transfer time on a busy machine).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar app.medianest.benchmarks.LargeResponses --url URL
 * --token ADMIN_TOKEN [--requests 100] [--rounds 5] [--api PATH]... [--page PATH]...}; without {@code --url} only the bare
 * servers are measured. Exit code 1 when a MediaNest size (without {@code --url}: a reference size) is over 2x its
 * smallest.
 */
public final class LargeResponses {
    private static final int[] SIZES_KB = {1, 8, 16, 64, 256};
    private static final List<String> DEFAULT_API = List.of("/api/v1/admin/requests?limit=3",
            "/api/v1/admin/requests?limit=25", "/api/v1/admin/requests?limit=50",
            "/api/v1/admin/requests?limit=100", "/api/v1/openapi.json");
    private static final List<String> DEFAULT_PAGES = List.of("/notifications", "/requests", "/", "/admin/users",
            "/admin/requests");

    /** The bare route's answers, made once: a JSON string of exactly N KB. */
    private static final Map<Integer, byte[]> BODIES = new java.util.HashMap<>();

    static {
        for (int kb : SIZES_KB) {
            byte[] body = new byte[kb * 1024];
            Arrays.fill(body, (byte) 'x');
            body[0] = '"';
            body[body.length - 1] = '"';
            BODIES.put(kb, body);
        }
    }

    private LargeResponses() {
    }

    /** How a route is asked for: an API call, or a portal page without or with a browser's compression. */
    private enum Kind { API, PAGE, PAGE_GZIP }

    /** One measured route. */
    private record Target(String group, String label, URI uri, String token, Kind kind, List<Long> nanos,
                          long[] bytes) {
        Target(String group, String label, URI uri, String token, Kind kind) {
            this(group, label, uri, token, kind, new ArrayList<>(), new long[1]);
        }

        Target(String group, String label, URI uri, String token) {
            this(group, label, uri, token, Kind.API);
        }

        byte[] request() {
            return kind == Kind.API ? KeepAliveConnection.get(uri, token)
                    : KeepAliveConnection.page(uri, token, kind == Kind.PAGE_GZIP);
        }
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        String token = System.getenv("MEDIANEST_TOKEN");
        int requests = 100;
        int rounds = 5;
        List<String> api = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--token" -> token = args[++i];
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--api" -> api.add(args[++i]);
                case "--page" -> pages.add(args[++i]);
                default -> {
                    System.err.println("usage: LargeResponses [--url URL --token T] [--requests N] [--rounds R] "
                            + "[--api PATH]... [--page PATH]...");
                    System.exit(2);
                }
            }
        }
        WebServer tuned = bare(true);
        WebServer defaults = bare(false);
        try {
            List<Target> targets = new ArrayList<>();
            for (int kb : SIZES_KB) {
                targets.add(new Target("bare Helidon, tcpNoDelay, blocking sockets (reference)", kb + " KB",
                        URI.create("http://127.0.0.1:" + tuned.port() + "/bytes?kb=" + kb), null));
            }
            for (int kb : SIZES_KB) {
                targets.add(new Target("bare Helidon, default options (control)", kb + " KB",
                        URI.create("http://127.0.0.1:" + defaults.port() + "/bytes?kb=" + kb), null));
            }
            if (url != null) {
                for (String path : api.isEmpty() ? DEFAULT_API : api) {
                    targets.add(new Target("MediaNest " + url, path, URI.create(url + path), token));
                }
                for (String path : pages.isEmpty() ? DEFAULT_PAGES : pages) {
                    targets.add(new Target("MediaNest " + url, "page " + path, URI.create(url + path), token,
                            Kind.PAGE));
                }
                for (String path : pages.isEmpty() ? DEFAULT_PAGES : pages) {
                    targets.add(new Target("MediaNest " + url, "page " + path + ", gzip", URI.create(url + path),
                            token, Kind.PAGE_GZIP));
                }
            }
            boolean ok = run(targets, requests, rounds);
            System.exit(ok ? 0 : 1);
        } finally {
            tuned.stop();
            defaults.stop();
        }
    }

    private static WebServer bare(boolean noDelay) {
        io.helidon.webserver.WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.get("/bytes", (req, res) -> res.header("Content-Type", "application/json")
                        .send(BODIES.get(Integer.parseInt(req.query().first("kb").orElse("1"))))));
        if (noDelay) {
            builder.useNio(false).connectionOptions(o -> o.tcpNoDelay(true));
        }
        return builder.build().start();
    }

    private static boolean run(List<Target> targets, int requests, int rounds) throws Exception {
        Map<String, KeepAliveConnection> connections = new LinkedHashMap<>();
        try {
            for (int round = 0; round <= rounds; round++) {
                for (Target t : targets) {
                    // One keep-alive connection per server, requests strictly one after the other.
                    KeepAliveConnection c = connections.get(t.uri().getAuthority());
                    if (c == null) {
                        c = new KeepAliveConnection(t.uri());
                        connections.put(t.uri().getAuthority(), c);
                    }
                    byte[] request = t.request();
                    int n = round == 0 ? Math.max(50, requests) : requests; // round 0 warms up (the JIT compilers)
                    for (int i = 0; i < n; i++) {
                        long start = System.nanoTime();
                        int status = c.exchange(request);
                        long took = System.nanoTime() - start;
                        if (status != 200) {
                            throw new IOException(t.uri() + " answered " + status);
                        }
                        t.bytes()[0] = c.lastBodyBytes();
                        if (round > 0) {
                            t.nanos().add(took);
                        }
                    }
                }
            }
        } finally {
            for (KeepAliveConnection c : connections.values()) {
                c.close();
            }
        }
        return print(targets);
    }

    private static boolean print(List<Target> targets) {
        boolean ok = true;
        String group = null;
        double first = 0;
        System.out.printf(Locale.ROOT, "%-42s %9s %10s %9s %9s %12s%n", "route", "bytes", "requests", "p50 ms",
                "p90 ms", "p50 / first");
        for (Target t : targets) {
            double median = percentile(t.nanos(), 0.5) / 1e6;
            if (!t.group().equals(group)) {
                group = t.group();
                first = median;
                System.out.println("-- " + group);
            }
            double ratio = median / first;
            boolean control = group.contains("control");
            // The verdict is MediaNest's (the reference's when no MediaNest URL was given).
            boolean judged = group.startsWith("MediaNest") || (!control && !anyMediaNest(targets));
            if (judged && ratio > 2.0) {
                ok = false;
            }
            System.out.printf(Locale.ROOT, "%-42s %9d %10d %9.3f %9.3f %12.2f%s%n", t.label(), t.bytes()[0],
                    t.nanos().size(), median, percentile(t.nanos(), 0.9) / 1e6, ratio,
                    !control && ratio > 2.0 ? "  OVER 2x" : "");
        }
        System.out.println(ok ? "every MediaNest size within 2x of its smallest response"
                : "FAILED: a MediaNest response size is over 2x its smallest response");
        return ok;
    }

    private static boolean anyMediaNest(List<Target> targets) {
        return targets.stream().anyMatch(t -> t.group().startsWith("MediaNest"));
    }

    private static double percentile(List<Long> values, double q) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
