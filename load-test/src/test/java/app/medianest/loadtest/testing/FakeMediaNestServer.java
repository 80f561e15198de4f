package app.medianest.loadtest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the MediaNest API on 127.0.0.1 with a random port: login, the four load-test endpoints and
 * {@code /health}, with controllable latency, injected error statuses, login rate limiting and stalls.
 */
public final class FakeMediaNestServer implements AutoCloseable {

    /** The accepted username. */
    public static final String USERNAME = "admin";
    /** The accepted password. */
    public static final String PASSWORD = "secret";
    /** A token that is always accepted without signing in. */
    public static final String STATIC_TOKEN = "static-token";

    private static final Set<String> API_PATHS = Set.of("/api/v1/dashboard/stats", "/api/v1/media/requests",
            "/api/v1/plex/libraries", "/api/v1/auth/session", "/api/v1/admin/requests",
            "/api/v1/plex/libraries/2/items");

    private final HttpServer server;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> hits = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, AtomicLong>> errorsSent = new ConcurrentHashMap<>();
    private final Map<String, ErrorRule> errorRules = new ConcurrentHashMap<>();
    private final Map<String, Long> extraLatency = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger rateLimitedLoginsLeft = new AtomicInteger();
    private volatile long latencyNanos;
    private volatile boolean plexConfigured = true;
    private volatile boolean admin = true;
    private volatile long stallUntilNanos;

    private record ErrorRule(int status, int everyNth) {
    }

    private FakeMediaNestServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts a server.
     *
     * @return the running server
     * @throws IOException when it cannot bind
     */
    public static FakeMediaNestServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        FakeMediaNestServer fake = new FakeMediaNestServer(http);
        http.createContext("/", fake::handle);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        return fake;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The Plex routes answer 503 "Plex is not configured", as a server without Plex does. */
    public FakeMediaNestServer withoutPlex() {
        plexConfigured = false;
        return this;
    }

    /** The signed-in user is not an admin: admin routes answer 403. */
    public FakeMediaNestServer notAdmin() {
        admin = false;
        return this;
    }

    /** Every request to an API path or /health waits this long before answering. */
    public FakeMediaNestServer latency(Duration latency) {
        this.latencyNanos = latency.toNanos();
        return this;
    }

    /** Requests to this API path wait this much longer than the others. */
    public FakeMediaNestServer extraLatency(String path, Duration latency) {
        extraLatency.put(path, latency.toNanos());
        return this;
    }

    /** Every {@code everyNth} request to the path answers with the status instead of 200. */
    public FakeMediaNestServer failEvery(String path, int everyNth, int status) {
        errorRules.put(path, new ErrorRule(status, everyNth));
        return this;
    }

    /** The next {@code count} logins are answered 429 with {@code Retry-After: 1}. */
    public FakeMediaNestServer rateLimitNextLogins(int count) {
        rateLimitedLoginsLeft.set(count);
        return this;
    }

    /** Every request that arrives from now on until the stall ends waits for its end. */
    public void stall(Duration duration) {
        stallUntilNanos = System.nanoTime() + duration.toNanos();
    }

    public long hits(String path) {
        AtomicLong count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    public long errorsSent(String path, int status) {
        AtomicLong count = errorsSent.getOrDefault(path, Map.of()).get(status);
        return count == null ? 0 : count.get();
    }

    /** Successful and rejected login requests. */
    public int logins() {
        return logins.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] request = body.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/v1/auth/login") && exchange.getRequestMethod().equals("POST")) {
                login(exchange, new String(request, StandardCharsets.UTF_8));
            } else if (path.equals("/health")) {
                delay();
                count(path);
                send(exchange, 200, "{\"status\":\"UP\"}");
            } else if (API_PATHS.contains(path)) {
                api(exchange, path);
            } else {
                send(exchange, 404, error("NOT_FOUND"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void login(HttpExchange exchange, String body) throws IOException {
        logins.incrementAndGet();
        if (rateLimitedLoginsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 429, error("RATE_LIMITED"));
        } else if (body.contains("\"username\":\"" + USERNAME + "\"") && body.contains("\"password\":\"" + PASSWORD
                + "\"")) {
            String token = "tok-" + logins.get();
            tokens.add(token);
            send(exchange, 200, "{\"success\":true,\"data\":{\"user\":{\"id\":\"u1\",\"username\":\"admin\","
                    + "\"role\":\"admin\"},\"token\":\"" + token + "\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}}");
        } else {
            send(exchange, 401, error("INVALID_CREDENTIALS"));
        }
    }

    private void api(HttpExchange exchange, String path) throws IOException, InterruptedException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
        if (!token.equals(STATIC_TOKEN) && !tokens.contains(token)) {
            send(exchange, 401, error("UNAUTHORIZED"));
            return;
        }
        if (path.startsWith("/api/v1/plex/") && !plexConfigured) {
            count(path);
            send(exchange, 503, "{\"success\":false,\"error\":{\"code\":\"SERVICE_UNAVAILABLE\","
                    + "\"message\":\"Plex is not configured\"}}");
            return;
        }
        if (path.startsWith("/api/v1/admin/") && !admin) {
            count(path);
            send(exchange, 403, error("FORBIDDEN"));
            return;
        }
        delay();
        long extra = extraLatency.getOrDefault(path, 0L);
        if (extra > 0) {
            Thread.sleep(Duration.ofNanos(extra));
        }
        long n = count(path);
        ErrorRule rule = errorRules.get(path);
        if (rule != null && n % rule.everyNth() == 0) {
            errorsSent.computeIfAbsent(path, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(rule.status(), k -> new AtomicLong()).incrementAndGet();
            send(exchange, rule.status(), error("INJECTED"));
            return;
        }
        if (path.equals("/api/v1/plex/libraries")) {
            send(exchange, 200, "{\"success\":true,\"data\":[{\"key\":\"1\",\"itemCount\":3},"
                    + "{\"key\":\"2\",\"itemCount\":7}]}");
            return;
        }
        send(exchange, 200, "{\"success\":true,\"data\":{\"path\":\"" + path + "\",\"items\":[1,2,3]}}");
    }

    private long count(String path) {
        return hits.computeIfAbsent(path, k -> new AtomicLong()).incrementAndGet();
    }

    private void delay() throws InterruptedException {
        long stall = stallUntilNanos - System.nanoTime();
        if (stall > 0) {
            Thread.sleep(Duration.ofNanos(stall));
        }
        if (latencyNanos > 0) {
            Thread.sleep(Duration.ofNanos(latencyNanos));
        }
    }

    private static String error(String code) {
        return "{\"success\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + code + "\"}}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
