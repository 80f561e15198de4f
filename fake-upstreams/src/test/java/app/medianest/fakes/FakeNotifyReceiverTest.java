package app.medianest.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The notification receivers answer as ntfy, Discord and a plain webhook do, and record only what they took. */
class FakeNotifyReceiverTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String url, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void discordTakesEmbedsAndRefusesEmptyMessagesAndUnknownWebhooks() throws Exception {
        try (FakeNotifyReceiver d = FakeNotifyReceiver.discord()) {
            assertEquals(204, post(d.targetUrl(), "{\"embeds\":[{\"title\":\"t\",\"description\":\"d\"}]}").statusCode());
            HttpResponse<String> empty = post(d.targetUrl(), "{\"username\":\"x\"}");
            assertEquals(400, empty.statusCode());
            assertTrue(empty.body().contains("50006"), empty.body());
            HttpResponse<String> unknown = post(d.baseUrl() + "/api/webhooks/1/wrong", "{\"content\":\"x\"}");
            assertEquals(404, unknown.statusCode());
            assertTrue(unknown.body().contains("10015"), unknown.body());
            assertEquals(1, d.accepted().size());
        }
    }

    @Test
    void ntfyChecksTheTokenAndTheTopic() throws Exception {
        try (FakeNotifyReceiver n = FakeNotifyReceiver.ntfy("tk_secret")) {
            String msg = "{\"topic\":\"home\",\"title\":\"T\",\"message\":\"M\",\"priority\":3}";
            assertEquals(401, post(n.targetUrl() + "/", msg).statusCode());
            assertEquals(400, post(n.targetUrl() + "/", "{\"topic\":\"no spaces\",\"message\":\"M\"}",
                    "Authorization", "Bearer tk_secret").statusCode());
            HttpResponse<String> ok = post(n.targetUrl() + "/", msg, "Authorization", "Bearer tk_secret");
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().contains("\"event\":\"message\""), ok.body());
            assertEquals(1, n.accepted().size());
        }
    }

    @Test
    void aFailingReceiverRecordsTheRequestButTakesNothing() throws Exception {
        try (FakeNotifyReceiver w = FakeNotifyReceiver.webhook()) {
            w.failWith(503);
            assertEquals(503, post(w.targetUrl(), "{\"event\":\"x\"}").statusCode());
            assertEquals(0, w.accepted().size());
            assertEquals(1, w.requestCount("/hook"));
            w.heal();
            assertEquals(200, post(w.targetUrl(), "{\"event\":\"x\"}").statusCode());
            assertEquals(1, w.accepted().size());
        }
    }
}
