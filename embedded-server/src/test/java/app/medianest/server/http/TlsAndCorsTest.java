package app.medianest.server.http;

import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsAndCorsTest {
    @Test
    void tlsServesHttpsWithASelfSignedCertificateKeptInTheDataDir() throws Exception {
        try (TestDatabase db = TestDatabase.create(DbKind.H2);
             TestServer server = TestServer.start(db, Clock.systemUTC(), Map.of("server.tls.enabled", "true"))) {
            String url = server.url("/health");
            assertTrue(url.startsWith("https://"), url);
            assertThrows(SSLHandshakeException.class, () -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()),
                    "the certificate is self-signed: clients must trust it explicitly");
            SSLContext trustAll = SSLContext.getInstance("TLS");
            trustAll.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
            HttpResponse<String> r = HttpClient.newBuilder().sslContext(trustAll).build().send(
                    HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(Files.exists(server.dataDir().resolve("tls/medianest-selfsigned.p12")));
            var perms = Files.getPosixFilePermissions(server.dataDir().resolve("tls/keystore.password"));
            assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), perms);
        }
    }

    @Test
    void corsIsOffByDefaultAndAllowsOnlyConfiguredOrigins() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2); TestServer off = TestServer.start(db)) {
            var r = off.get("/health", "Origin", "http://evil.example");
            assertNull(r.header("Access-Control-Allow-Origin"));
        }
        try (TestDatabase db = TestDatabase.create(DbKind.H2);
             TestServer on = TestServer.start(db, Clock.systemUTC(),
                     Map.of("http.cors-origins", "http://homarr.lan:7575, http://dash.lan"))) {
            var ok = on.get("/health", "Origin", "http://homarr.lan:7575");
            assertEquals("http://homarr.lan:7575", ok.header("Access-Control-Allow-Origin"));
            var preflight = on.send("OPTIONS", "/api/v1/auth/session", null, "Origin", "http://dash.lan",
                    "Access-Control-Request-Method", "GET");
            assertEquals(204, preflight.status());
            assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
            assertNull(on.get("/health", "Origin", "http://evil.example").header("Access-Control-Allow-Origin"));
        }
    }
}
