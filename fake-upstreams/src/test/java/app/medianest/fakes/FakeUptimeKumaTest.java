package app.medianest.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeUptimeKumaTest {

    private FakeUptimeKuma kuma;
    private Http http;

    @BeforeEach
    void start() {
        kuma = FakeUptimeKuma.start();
        http = new Http();
    }

    @AfterEach
    void stop() {
        http.close();
        kuma.close();
    }

    @Test
    void statusPageListsEveryMonitor() {
        JsonNode page = Http.json(http.get(kuma.uri("/api/status-page/default")));

        assertEquals("default", page.at("/config/slug").asText());
        JsonNode monitors = page.at("/publicGroupList/0/monitorList");
        assertEquals("plex", monitors.get(0).get("name").asText());
        assertEquals("overseerr", monitors.get(1).get("name").asText());
        assertEquals("uptime-kuma", monitors.get(2).get("name").asText());
        assertEquals("http", monitors.get(0).get("type").asText());
    }

    @Test
    void unknownSlugIsAFailBody() {
        HttpResponse<String> missing = http.get(kuma.uri("/api/status-page/nope"));

        assertEquals(404, missing.statusCode());
        assertEquals("Status Page Not Found", Http.json(missing).get("msg").asText());
        assertEquals(404, http.get(kuma.uri("/api/status-page/heartbeat/nope")).statusCode());
    }

    @Test
    void heartbeatsEndWithTheStatusSet() {
        JsonNode before = Http.json(http.get(kuma.uri("/api/status-page/heartbeat/default")));
        JsonNode plexBeats = before.at("/heartbeatList/1");
        assertEquals(1, plexBeats.get(plexBeats.size() - 1).get("status").asInt());
        assertTrue(plexBeats.get(0).get("time").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}"));
        assertEquals("", plexBeats.get(0).get("msg").asText());
        assertEquals(1.0, before.at("/uptimeList/1_24").asDouble());

        kuma.setStatus("plex", MonitorStatus.DOWN);

        JsonNode after = Http.json(http.get(kuma.uri("/api/status-page/heartbeat/default")));
        JsonNode last = after.at("/heartbeatList/1").get(plexBeats.size());
        assertEquals(0, last.get("status").asInt());
        assertTrue(last.get("ping").isNull());
        assertTrue(after.at("/uptimeList/1_24").asDouble() < 1.0);
        assertEquals(MonitorStatus.DOWN, kuma.status("plex"));
    }

    @Test
    void metricsNeedTheApiKeyAsBasicPassword() {
        HttpResponse<String> rejected = http.get(kuma.uri("/metrics"));
        assertEquals(401, rejected.statusCode());
        assertEquals("Basic", rejected.headers().firstValue("WWW-Authenticate").orElseThrow());

        kuma.setStatus("overseerr", MonitorStatus.MAINTENANCE);
        String basic = Base64.getEncoder().encodeToString((":" + kuma.metricsApiKey()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> metrics = http.get(kuma.uri("/metrics"), "Authorization", "Basic " + basic);

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("# TYPE monitor_status gauge"));
        assertTrue(metrics.body().contains("monitor_status{monitor_id=\"1\",monitor_name=\"plex\",monitor_type=\"http\","
                + "monitor_url=\"http://plex:32400/identity\",monitor_hostname=\"null\",monitor_port=\"null\"} 1\n"));
        assertTrue(metrics.body().contains("monitor_name=\"overseerr\"") && metrics.body().matches(
                "(?s).*monitor_status\\{monitor_id=\"2\"[^}]*} 3\n.*"));
        assertTrue(metrics.body().contains(",window=\"1d\"} 1.0\n"));
    }
}
