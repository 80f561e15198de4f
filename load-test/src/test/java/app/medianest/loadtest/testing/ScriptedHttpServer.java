package app.medianest.loadtest.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 whose responses are written byte by byte by a script per path, so tests
 * can send what well-behaved servers never do: chunked bodies in pieces, {@code Connection: close}, bodies delimited
 * by the end of the stream, garbage, a close in the middle of a body, or nothing at all. Counts the connections
 * it accepted and the requests per path.
 */
public final class ScriptedHttpServer implements AutoCloseable {

    /** What a script tells the server to do with the connection after its response. */
    public enum After {
        /** Read the next request from the same connection. */
        KEEP_OPEN,
        /** Close the connection. */
        CLOSE
    }

    /** Writes the raw response to one request. */
    @FunctionalInterface
    public interface Script {
        /**
         * Answers a request.
         *
         * @param request the request
         * @param out     the connection's output
         * @return what to do with the connection afterwards
         */
        After respond(Request request, OutputStream out) throws IOException, InterruptedException;
    }

    /**
     * A received request.
     *
     * @param connection the connection's number, from 1
     * @param method     the method
     * @param path       the request target without its query
     * @param head       the whole request head
     * @param body       the body (by {@code Content-Length})
     */
    public record Request(int connection, String method, String path, String head, String body) {
    }

    private final ServerSocket server;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> hits = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private ScriptedHttpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("scripted-http-accept").start(this::acceptLoop);
    }

    /** Starts a server with no scripts (every path answers 404 with an empty body). */
    public static ScriptedHttpServer start() throws IOException {
        return new ScriptedHttpServer();
    }

    /** Sets the script of a path. */
    public ScriptedHttpServer on(String path, Script script) {
        scripts.put(path, script);
        return this;
    }

    /** The server's base URL. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Requests received for a path. */
    public long hits(String path) {
        AtomicLong count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /** Every request received, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Writes ASCII text. */
    public static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                int number = connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket, number));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int number) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = readRequest(in, number);
                if (request == null) {
                    return;
                }
                requests.add(request);
                hits.computeIfAbsent(request.path(), k -> new AtomicLong()).incrementAndGet();
                Script script = scripts.getOrDefault(request.path(),
                        (r, o) -> {
                            write(o, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                            return After.KEEP_OPEN;
                        });
                if (script.respond(request, out) == After.CLOSE) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the connection ends
        } finally {
            open.remove(socket);
        }
    }

    private static Request readRequest(InputStream in, int connection) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        String[] line = text.substring(0, text.indexOf("\r\n")).split(" ");
        int length = 0;
        for (String header : text.split("\r\n")) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        int query = line[1].indexOf('?');
        return new Request(connection, line[0], query < 0 ? line[1] : line[1].substring(0, query), text, body);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
