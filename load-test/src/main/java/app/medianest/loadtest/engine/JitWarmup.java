package app.medianest.loadtest.engine;

import app.medianest.loadtest.config.EndpointMix;
import app.medianest.loadtest.config.LoadTestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the request path once at full speed against an in-process loopback server before a think-time run, so that
 * the just-in-time compiler has compiled it before the first measured request.
 *
 * <p>Why: at 20 requests a second the generator's hot path (the event loop, the JDK's selector and socket channel,
 * the response parser, the histograms) reaches the compiler's thresholds only after some 200 requests per method,
 * 10-20 s into a run; until then it runs interpreted, at several times the CPU per response, while the compiler
 * thread competes with the server for the cores as requests are in flight. wrk's C loop has no such phase. The
 * warm-up sends a few thousand requests to a server on an ephemeral loopback port of this process (never to the
 * server under test), its answers alternating between a {@code Content-Length} and a chunked body so that both
 * framings are compiled, then waits for the compiler to go quiet.
 */
public final class JitWarmup {

    /** The path the warm-up requests; the loopback server answers any path alike. */
    static final String PATH = "/medianest-loadtest-warm-up";
    private static final Duration RUN = Duration.ofSeconds(1);
    private static final Duration THINK = Duration.ofMillis(1);
    private static final int USERS = 8;
    /** The compiler counts as quiet when its total time has not grown for this long. */
    private static final long QUIET_MILLIS = 250;
    private static final long MAX_QUIET_WAIT_MILLIS = 3_000;

    private static final byte[] LENGTH_ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Content-Length: 15\r\nConnection: keep-alive\r\n\r\n{\"status\":\"UP\"}").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED_ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\nf\r\n{\"status\":\"UP\"}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private JitWarmup() {
    }

    /**
     * What the warm-up did.
     *
     * @param requests     requests answered by the loopback server
     * @param took         from start to a quiet compiler
     * @param compilerQuiet whether the compiler went quiet within the wait (it may still have work on a busy machine)
     */
    public record Result(long requests, Duration took, boolean compilerQuiet) {
    }

    /**
     * Runs the warm-up; returns once the compiler is quiet or after a few seconds.
     *
     * @return what it did
     * @throws IOException          when no loopback port can be opened
     * @throws InterruptedException when interrupted
     */
    public static Result run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        try (LoopbackServer server = new LoopbackServer()) {
            LoadTestConfig config = LoadTestConfig.builder(server.baseUrl()).users(USERS).sustain(RUN)
                    .thinkTime(THINK).mix(EndpointMix.parse(PATH + "=1")).requestTimeout(Duration.ofSeconds(2))
                    .build();
            LoadTestEngine.builder(config).build().run();
            boolean quiet = awaitQuietCompiler();
            return new Result(server.answered(), Duration.ofNanos(System.nanoTime() - start), quiet);
        }
    }

    private static boolean awaitQuietCompiler() throws InterruptedException {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return false;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_QUIET_WAIT_MILLIS);
        long last = compiler.getTotalCompilationTime();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
            long now = compiler.getTotalCompilationTime();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                return true;
            }
        }
        return false;
    }

    /** Answers every request on a keep-alive connection with a small JSON body; a platform thread per connection. */
    private static final class LoopbackServer implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicLong answered = new AtomicLong();

        LoopbackServer() throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            Thread.ofPlatform().name("medianest-warm-up-accept").daemon(true).start(this::accept);
        }

        URI baseUrl() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        long answered() {
            return answered.get();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    Thread.ofPlatform().name("medianest-warm-up-connection").daemon(true)
                            .start(() -> serve(connection));
                } catch (IOException e) {
                    return;
                }
            }
        }

        /** Reads request heads (GET, no body) and answers each once its blank line has arrived. */
        private void serve(Socket connection) {
            try (connection; InputStream in = connection.getInputStream();
                    OutputStream out = connection.getOutputStream()) {
                connection.setTcpNoDelay(true);
                int matched = 0;
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
                        if (matched == 4) {
                            matched = 0;
                            out.write(answered.getAndIncrement() % 2 == 0 ? LENGTH_ANSWER : CHUNKED_ANSWER);
                        }
                    }
                    out.flush();
                }
            } catch (IOException e) {
                // the generator closed the connection at the end of the warm-up
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
