package app.medianest.server.acceptance;

import app.medianest.fakes.FakeNotifyReceiver;
import app.medianest.fakes.FakePlex;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.IntegrationServer;
import app.medianest.server.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fake Plex answering 401 (a revoked token): a critical alert "Plex rejected the token" within one credential
 * check interval, shown in the alert list the console reads, an admin notification in the app and on the admin's
 * webhook, and resolution (with a notification) once Plex answers 200 again.
 */
class CredentialAlertTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    @Test
    void plexRejectingTheTokenRaisesACriticalAlertNotifiesAdminsAndResolvesWhenItWorksAgain() {
        try (FakePlex plex = FakePlex.start(); FakeNotifyReceiver hook = FakeNotifyReceiver.webhook();
             TestDatabase db = TestDatabase.create(DbKind.H2);
             IntegrationServer server = IntegrationServer.start(db, Clock.systemUTC(), Map.of(
                     "upstream.credential-check-interval", INTERVAL.toMillis() + "ms",
                     "notifications.delivery-interval", "100ms"))) {
            String admin = server.adminToken();
            assertEquals(200, server.put("/api/v1/admin/services/plex", "{\"url\":\"" + plex.baseUrl()
                    + "\",\"apiKey\":\"" + FakePlex.DEFAULT_TOKEN + "\",\"enabled\":true}", admin).status());
            assertEquals(200, server.put("/api/v1/admin/notification-channels/webhook", "{\"enabled\":true,"
                    + "\"settings\":{\"url\":\"" + hook.targetUrl() + "\"}}", admin).status());
            assertEquals(200, server.put("/api/v1/me/notification-settings", "{\"channels\":{\"webhook\":"
                    + "[\"credential\"]}}", admin).status());
            IntegrationServer.await("a first good check", INTERVAL.multipliedBy(3), () -> plex.requestCount("/") > 0);
            assertTrue(active(server).isEmpty(), "no alert while the token works");

            plex.failWith(401);
            long start = System.nanoTime();
            IntegrationServer.await("the credential alert", INTERVAL.multipliedBy(3), () -> !active(server).isEmpty());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(INTERVAL.plusMillis(500)) <= 0, "raised within one interval: " + took);
            JsonNode alert = active(server).getFirst();
            assertEquals("credential.plex", alert.get("ruleId").asText());
            assertEquals("critical", alert.get("severity").asText());
            assertTrue(alert.get("message").asText().startsWith("Plex rejected the token"), alert.toString());
            IntegrationServer.await("one alert only", INTERVAL.multipliedBy(2), () -> true);
            assertEquals(1, active(server).size(), "repeated 401s keep one alert");

            IntegrationServer.await("the admin's webhook", Duration.ofSeconds(5), () -> hook.accepted().size() == 1);
            JsonNode sent = hook.acceptedJson().getFirst();
            assertEquals("credential", sent.get("event").asText());
            assertEquals("Plex rejected the token", sent.get("title").asText());
            assertEquals("critical", sent.get("severity").asText());
            JsonNode inApp = server.get("/api/v1/dashboard/notifications", admin).data();
            assertTrue(StreamSupport.stream(inApp.spliterator(), false).anyMatch(n -> n.get("type").asText()
                    .equals("credential.rejected")), inApp.toString());

            plex.heal();
            IntegrationServer.await("the alert resolves", INTERVAL.multipliedBy(3), () -> active(server).isEmpty());
            JsonNode history = server.get("/api/v1/performance/alerts", admin).data().get("history");
            assertTrue(StreamSupport.stream(history.spliterator(), false).anyMatch(a -> a.get("ruleId").asText()
                    .equals("credential.plex") && !a.get("resolvedAt").isNull()), history.toString());
            IntegrationServer.await("the all-clear on the webhook", Duration.ofSeconds(5),
                    () -> hook.accepted().size() == 2);
            assertTrue(hook.acceptedJson().get(1).get("title").asText().startsWith("Plex Media Server accepts")
                    || hook.acceptedJson().get(1).get("title").asText().startsWith("Plex accepts"),
                    hook.acceptedJson().get(1).toString());
        }
    }

    private static java.util.List<JsonNode> active(IntegrationServer server) {
        JsonNode a = server.get("/api/v1/performance/alerts", server.adminToken()).data().get("active");
        return StreamSupport.stream(a.spliterator(), false).toList();
    }
}
