package app.medianest.loadtest.engine;

import app.medianest.loadtest.config.PortalMix;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A lean blocking HTTP/1.1 transport: each virtual user owns one keep-alive socket to the server (a
 * {@link LeanConnection}), each endpoint's request bytes are built once, and a response is read by its status line
 * and framing headers only. It reconnects when the server closes the connection, and retries a GET once when a
 * reused connection turns out to have been closed before it answered (the usual keep-alive race). HTTPS uses the
 * JVM's default trust store.
 *
 * <p>Why: on a 2-core machine shared by generator and server, the JDK client's selector thread, executor hand-offs
 * and per-request objects cost enough CPU to inflate the measured tail; this transport does one write and usually
 * one read per request.
 */
final class LeanTransport implements HttpTransport {

    private final String host;
    private final int port;
    private final boolean tls;
    private final String hostHeader;
    private final long timeoutNanos;

    LeanTransport(URI baseUrl, Duration timeout) {
        this.tls = "https".equals(baseUrl.getScheme().toLowerCase(Locale.ROOT));
        this.host = baseUrl.getHost();
        this.port = baseUrl.getPort() >= 0 ? baseUrl.getPort() : tls ? 443 : 80;
        this.hostHeader = baseUrl.getPort() >= 0 ? host + ":" + port : host;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public UserClient openUser() {
        return new LeanUserClient(new LeanConnection(this, timeoutNanos));
    }

    @Override
    public void close() {
        // users close their own connections
    }

    /** Whether requests go over plain HTTP (an {@link EventLoop} can send them). */
    boolean plain() {
        return !tls;
    }

    /** The request timeout, connecting included. */
    long timeoutNanos() {
        return timeoutNanos;
    }

    /** The server's address, resolved now. */
    InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    /** Opens a socket within the given time; a timeout is reported as {@link HttpConnectTimeoutException}. */
    Socket connect(long timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeoutMillis));
            if (!tls) {
                return socket;
            }
            socket.setSoTimeout((int) Math.max(1, timeoutMillis));
            SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, host, port, true);
            secure.startHandshake();
            return secure;
        } catch (SocketTimeoutException e) {
            socket.close();
            HttpConnectTimeoutException timeout = new HttpConnectTimeoutException("connect to " + hostHeader
                    + " timed out");
            timeout.initCause(e);
            throw timeout;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The bytes of a GET of the URI's path and query. */
    byte[] get(URI uri, String bearer) {
        StringBuilder head = start("GET", uri);
        if (bearer != null && PortalMix.isPage(uri)) {
            head.append("Cookie: ").append(PortalMix.SESSION_COOKIE).append('=').append(bearer)
                    .append("\r\nAccept-Encoding: gzip\r\n");
        } else if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The bytes of a POST of a JSON body. */
    byte[] postJson(URI uri, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = start("POST", uri).append("Content-Type: application/json\r\nContent-Length: ")
                .append(body.length).append("\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    private StringBuilder start(String method, URI uri) {
        if (!host.equalsIgnoreCase(uri.getHost()) || port != (uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80)) {
            throw new IllegalArgumentException("this transport sends to " + hostHeader + " only, got " + uri);
        }
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader).append("\r\nUser-Agent: ").append(LoginAttempt.USER_AGENT)
                .append("\r\nAccept: application/json\r\n");
    }

    /** One user's client: its connection and the requests it prepared. */
    private final class LeanUserClient implements UserClient {

        private final LeanConnection connection;

        LeanUserClient(LeanConnection connection) {
            this.connection = connection;
        }

        @Override
        public PreparedGet prepareGet(URI uri, String bearer) {
            byte[] request = get(uri, bearer);
            return () -> send(request);
        }

        private Outcome send(byte[] request) throws InterruptedException {
            try {
                return Outcome.status(connection.exchange(request, true, false).status());
            } catch (IOException e) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for a response");
                }
                return Outcome.transport(e);
            }
        }

        @Override
        public LoginAttempt login(URI loginUri, String body) throws InterruptedException {
            try {
                ResponseReader.Response response = connection.exchange(postJson(loginUri, body), false, true);
                return LoginAttempt.of(response.status(), new String(response.body(), StandardCharsets.UTF_8),
                        response.retryAfter());
            } catch (IOException e) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while signing in");
                }
                return LoginAttempt.failed(Outcome.kindOf(e), OptionalLong.empty());
            }
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
