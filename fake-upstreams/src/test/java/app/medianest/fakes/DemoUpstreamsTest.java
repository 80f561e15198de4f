package app.medianest.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoUpstreamsTest {

    private static DemoUpstreams demo;
    private static Http http;

    @BeforeAll
    static void start() {
        demo = DemoUpstreams.start();
        http = new Http();
    }

    @AfterAll
    static void stop() {
        http.close();
        demo.close();
    }

    @Test
    void everyPlexTitleIsAvailableInOverseerrUnderTheSameTmdbId() {
        String[] plexAuth = {"Accept", "application/json", "X-Plex-Token", DemoUpstreams.DEMO_TOKEN};
        String[] overseerrAuth = {"X-Api-Key", demo.overseerr().apiKey()};
        for (String section : List.of("1", "2")) {
            JsonNode items = Http.json(http.get(demo.plex().uri("/library/sections/" + section + "/all?includeGuids=1"),
                    plexAuth)).at("/MediaContainer/Metadata");
            for (JsonNode item : items) {
                String tmdb = tmdbGuid(item);
                String path = (section.equals("1") ? "/api/v1/movie/" : "/api/v1/tv/") + tmdb;
                JsonNode details = Http.json(http.get(demo.overseerr().uri(path), overseerrAuth));
                assertEquals(5, details.at("/mediaInfo/status").asInt(), item.get("title").asText());
            }
        }
    }

    @Test
    void plexTvListsTheFakePlexWithAWorkingToken() {
        JsonNode server = Http.json(http.get(demo.plexTv().uri("/api/v2/resources"), "Accept", "application/json",
                "X-Plex-Client-Identifier", "demo-test", "X-Plex-Token", DemoUpstreams.DEMO_TOKEN)).get(0);

        String uri = server.at("/connections/0/uri").asText();
        assertEquals(demo.plex().baseUrl(), uri);
        assertEquals(200, http.get(URI.create(uri + "/library/sections"),
                "X-Plex-Token", server.get("accessToken").asText()).statusCode());
    }

    @Test
    void uptimeKumaMonitorsPointAtTheRunningFakes() {
        List<String> names = demo.uptimeKuma().monitors().stream().map(KumaMonitor::name).toList();
        assertTrue(names.containsAll(List.of("plex", "overseerr", "uptime-kuma")), names.toString());
        for (KumaMonitor monitor : demo.uptimeKuma().monitors()) {
            int status = http.get(URI.create(monitor.url()), "X-Plex-Client-Identifier", "demo-test",
                    "X-Plex-Token", DemoUpstreams.DEMO_TOKEN).statusCode();
            assertEquals(200, status, monitor.name());
        }
    }

    @Test
    void overseerrHasSeededRequestsAndYtDlpIsInstalled() {
        assertEquals(3, Http.json(http.get(demo.overseerr().uri("/api/v1/request/count"),
                "X-Api-Key", demo.overseerr().apiKey())).get("total").asInt());
        assertTrue(Files.isExecutable(demo.ytDlp()));
    }

    private static String tmdbGuid(JsonNode item) {
        for (JsonNode guid : item.get("Guid")) {
            if (guid.get("id").asText().startsWith("tmdb://")) {
                return guid.get("id").asText().substring("tmdb://".length());
            }
        }
        throw new AssertionError("no tmdb guid on " + item.get("title"));
    }
}
