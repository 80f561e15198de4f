package app.medianest.loadtest.engine;

import static app.medianest.loadtest.testing.ScriptedHttpServer.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.medianest.loadtest.testing.ScriptedHttpServer;
import app.medianest.loadtest.testing.ScriptedHttpServer.After;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Portal pages are requested like a browser requests them; everything else as before. */
class PortalPagesTransportTest {

    @Test
    void pagesCarryTheSessionCookieAndAcceptGzipWhileTheApiCarriesTheBearerToken() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.start()) {
            for (String path : new String[] {"/", "/requests", "/api/v1/media/requests", "/health"}) {
                server.on(path, (request, out) -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
                    return After.KEEP_OPEN;
                });
            }
            HttpTransport transport = new LeanTransport(server.baseUrl(), Duration.ofSeconds(5));
            try (HttpTransport.UserClient client = transport.openUser()) {
                for (String path : new String[] {"/", "/requests?status=pending", "/api/v1/media/requests",
                    "/health"}) {
                    assertEquals(Outcome.status(200), client.prepareGet(URI.create(server.baseUrl() + path), "tok-7")
                            .send());
                }
            }
            var requests = server.requests();
            for (int i = 0; i < 2; i++) {
                String head = requests.get(i).head();
                assertTrue(head.contains("\r\nCookie: mn_session=tok-7\r\n"), head);
                assertTrue(head.contains("\r\nAccept-Encoding: gzip\r\n"), head);
                assertFalse(head.contains("Authorization"), head);
            }
            for (int i = 2; i < 4; i++) {
                String head = requests.get(i).head();
                assertTrue(head.contains("\r\nAuthorization: Bearer tok-7\r\n"), head);
                assertFalse(head.contains("Cookie"), head);
            }
        }
    }
}
