package app.medianest.server.uptime;

import app.medianest.fakes.FakeUptimeKuma;
import app.medianest.fakes.MonitorStatus;
import app.medianest.model.ServiceState;
import app.medianest.model.ServiceStatusView;
import app.medianest.server.status.ServiceStatusRepository;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.IntegrationServer;
import app.medianest.server.testing.ManualClock;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.upstream.ServiceEvents;
import app.medianest.server.upstream.ServiceStatusChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uptime Kuma polling against the fake: every monitor written in one upsert, status changes reported, the
 * metrics mode's 30-day uptime, and nothing overwritten while Uptime Kuma is down. Runs on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class StatusPollerTest {
    private static final Map<DbKind, TestDatabase> DATABASES = new EnumMap<>(DbKind.class);
    private static final Map<DbKind, IntegrationServer> SERVERS = new EnumMap<>(DbKind.class);
    private static final Map<DbKind, FakeUptimeKuma> FAKES = new EnumMap<>(DbKind.class);
    private static final Map<DbKind, List<ServiceStatusChange>> CHANGES = new EnumMap<>(DbKind.class);
    private static final ManualClock CLOCK = ManualClock.now();

    @Parameter
    DbKind kind;

    private IntegrationServer server;
    private FakeUptimeKuma kuma;
    private ServiceStatusRepository statuses;
    private List<ServiceStatusChange> changes;

    @BeforeEach
    void server() {
        kuma = FAKES.computeIfAbsent(kind, k -> FakeUptimeKuma.start());
        changes = CHANGES.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>());
        server = SERVERS.computeIfAbsent(kind, k -> {
            TestDatabase db = TestDatabase.create(k);
            DATABASES.put(k, db);
            IntegrationServer s = IntegrationServer.start(db, CLOCK, Map.of("uptime-kuma.url", kuma.baseUrl(),
                    "uptime-kuma.poll-interval", "1h", "resilience.retry-backoff", "5ms"));
            ServiceStatusRepository repo = s.http().server().components().serviceStatus();
            IntegrationServer.await("the scheduled first poll", Duration.ofSeconds(20),
                    () -> repo.findAll().size() == 5);
            s.integrations().addServiceListener(new ServiceEvents() {
                @Override
                public void statusChanged(ServiceStatusChange change) {
                    CHANGES.get(k).add(change);
                }
            });
            return s;
        });
        statuses = server.http().server().components().serviceStatus();
        kuma.heal();
        kuma.setStatus("plex", MonitorStatus.UP);
        server.integrations().statusPoller().pollOnce();
        changes.clear();
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(IntegrationServer::close);
        DATABASES.values().forEach(TestDatabase::close);
        FAKES.values().forEach(FakeUptimeKuma::close);
    }

    @Test
    void everyMonitorOfTheStatusPageIsStored() {
        CLOCK.advance(Duration.ofMinutes(1));
        List<ServiceStatusView> written = server.integrations().statusPoller().pollOnce();
        assertEquals(5, written.size());
        List<ServiceStatusView> stored = statuses.findAll();
        assertEquals(List.of("overseerr", "plex", "plex-tv", "uptime-kuma", "youtube"),
                stored.stream().map(ServiceStatusView::name).toList());
        ServiceStatusView plex = statuses.find("plex").orElseThrow();
        assertEquals(ServiceState.UP, plex.status());
        assertNotNull(plex.responseTimeMs());
        assertEquals(100.0, plex.uptime24h(), 0.001);
        assertNull(plex.uptime30d(), "the status page has no 30-day figure");
        assertEquals(CLOCK.instant().toEpochMilli(), plex.lastCheckAt().toEpochMilli(), 1);
    }

    @Test
    void aChangedStatusIsReportedOnce() {
        assertEquals(ServiceState.UP, plexIn(statuses.findAll()).status());   // read, and kept until a poll writes
        kuma.setStatus("plex", MonitorStatus.DOWN);
        server.integrations().statusPoller().pollOnce();
        assertEquals(ServiceState.DOWN, statuses.find("plex").orElseThrow().status());
        assertEquals(ServiceState.DOWN, plexIn(statuses.findAll()).status(),
                "the statuses the portal's pages read show the change at once");
        assertEquals(1, changes.size(), changes.toString());
        assertEquals(ServiceState.UP, changes.getFirst().previous().status());
        assertEquals(ServiceState.DOWN, changes.getFirst().current().status());
        assertTrue(statuses.find("plex").orElseThrow().uptime24h() < 100.0);

        server.integrations().statusPoller().pollOnce();
        assertEquals(1, changes.size(), "no change, no event");
        kuma.setStatus("plex", MonitorStatus.MAINTENANCE);
        server.integrations().statusPoller().pollOnce();
        assertEquals(ServiceState.DEGRADED, statuses.find("plex").orElseThrow().status());
        assertEquals("maintenance", statuses.find("plex").orElseThrow().message());
        assertEquals(2, changes.size());
    }

    private static ServiceStatusView plexIn(List<ServiceStatusView> all) {
        return all.stream().filter(v -> v.name().equals("plex")).findFirst().orElseThrow();
    }

    @Test
    void withAnApiKeyTheMetricsGiveThirtyDayUptime() {
        var put = server.put("/api/v1/admin/services/uptime-kuma", "{\"enabled\":true,\"apiKey\":\""
                + FakeUptimeKuma.DEFAULT_API_KEY + "\"}", server.adminToken());
        assertEquals(200, put.status(), put.body());
        try {
            kuma.clearRequests();
            assertEquals(5, server.integrations().statusPoller().pollOnce().size());
            assertEquals(1, kuma.requestCount("/metrics"));
            ServiceStatusView youtube = statuses.find("youtube").orElseThrow();
            assertEquals(100.0, youtube.uptime30d(), 0.001);
            assertEquals(100.0, youtube.uptime24h(), 0.001);
            assertEquals(ServiceState.UP, youtube.status());
            ServiceStatusView plex = statuses.find("plex").orElseThrow();
            assertNotNull(plex.uptime30d(), "every monitor has a 30-day figure");
        } finally {
            server.put("/api/v1/admin/services/uptime-kuma", "{\"enabled\":true,\"apiKey\":\"\"}",
                    server.adminToken());
        }
    }

    @Test
    void whileUptimeKumaIsDownStoredStatusesStay() {
        List<ServiceStatusView> before = statuses.findAll();
        kuma.refuseConnections();
        CLOCK.advance(Duration.ofMinutes(1));
        assertTrue(server.integrations().statusPoller().pollOnce().isEmpty());
        assertEquals(before, statuses.findAll());
        assertTrue(changes.isEmpty());
    }
}
