package app.medianest.loadtest.engine;

import app.medianest.loadtest.config.PortalMix;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Users share one {@code java.net.http.HttpClient} (HTTP/1.1, keep-alive, its own connection pool). Response bodies
 * of GETs are read and discarded so that connections can be reused.
 */
final class JdkTransport implements HttpTransport {

    private final HttpClient http;
    private final boolean owned;
    private final Duration timeout;

    private JdkTransport(HttpClient http, boolean owned, Duration timeout) {
        this.http = http;
        this.owned = owned;
        this.timeout = timeout;
    }

    /** A transport over a new client that it closes at the end. */
    static JdkTransport create(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new JdkTransport(client, true, timeout);
    }

    /** A transport over a caller-owned client, which it leaves open. */
    static JdkTransport using(HttpClient client, Duration timeout) {
        return new JdkTransport(client, false, timeout);
    }

    @Override
    public UserClient openUser() {
        return new UserClient() {
            @Override
            public PreparedGet prepareGet(URI uri, String bearer) {
                HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                        .header("Accept", "application/json").header("User-Agent", LoginAttempt.USER_AGENT);
                if (bearer != null && PortalMix.isPage(uri)) {
                    builder.header("Cookie", PortalMix.SESSION_COOKIE + "=" + bearer).header("Accept-Encoding", "gzip");
                } else if (bearer != null) {
                    builder.header("Authorization", "Bearer " + bearer);
                }
                HttpRequest request = builder.build();
                return () -> send(request);
            }

            @Override
            public LoginAttempt login(URI loginUri, String body) throws InterruptedException {
                return JdkTransport.this.login(loginUri, body);
            }

            @Override
            public void close() {
                // connections belong to the shared client
            }
        };
    }

    private Outcome send(HttpRequest request) throws InterruptedException {
        try {
            return Outcome.status(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return Outcome.transport(e);
        }
    }

    private LoginAttempt login(URI loginUri, String body) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(loginUri).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("User-Agent", LoginAttempt.USER_AGENT)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return LoginAttempt.of(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            return LoginAttempt.failed(Outcome.kindOf(e), OptionalLong.empty());
        }
    }

    @Override
    public void close() {
        if (owned) {
            http.close();
        }
    }
}
