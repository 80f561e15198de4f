package app.medianest.loadtest.testing;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A throwaway Helidon SE WebServer used to cross-check this tool's latency figures against wrk on the same
 * endpoints: {@code GET /health} answers {@code {"status":"UP"}} at once, {@code GET /delay} answers the same after
 * a fixed 10 ms (so latency is dominated by the server, not by CPU contention on a small machine). Not used by
 * the tests.
 *
 * <p>Run: {@code java -cp target/test-classes:<test classpath> app.medianest.loadtest.testing.BareEndpointServer
 * 18080}, then point wrk and the load test at {@code http://127.0.0.1:18080/health}.
 */
public final class BareEndpointServer {

    private static final Duration DELAY = Duration.ofMillis(10);
    private static final byte[] BODY = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    private BareEndpointServer() {
    }

    /**
     * Starts the server and keeps running until the process is stopped.
     *
     * @param args the port (default 18080)
     */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
        WebServer server = WebServer.builder().host("127.0.0.1").port(port).useNio(false)
                .connectionOptions(o -> o.tcpNoDelay(true))
                .routing(routing -> routing
                        .get("/health", (request, response) -> {
                            response.header(HeaderNames.CONTENT_TYPE, "application/json");
                            response.send(BODY);
                        })
                        .get("/delay", (request, response) -> {
                            Thread.sleep(DELAY);
                            response.header(HeaderNames.CONTENT_TYPE, "application/json");
                            response.send(BODY);
                        }))
                .build().start();
        System.out.println("bare endpoint on http://127.0.0.1:" + server.port() + "/health");
    }
}
