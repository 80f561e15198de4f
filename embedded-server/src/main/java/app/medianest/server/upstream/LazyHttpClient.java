package app.medianest.server.upstream;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * An HTTP/1.1 client (connect timeout, no redirects) made at its first use: building one loads the JVM's default
 * TLS context and its CA certificates, 0.3-0.4 s that a server start should not wait for (most upstreams are
 * called later, if ever).
 */
public final class LazyHttpClient {
    private final Duration connectTimeout;
    private volatile HttpClient client;

    public LazyHttpClient(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public HttpClient get() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    client = c;
                }
            }
        }
        return c;
    }
}
