package app.medianest.console;

import app.medianest.console.server.ServerController;
import app.medianest.console.server.ServerEvent;
import app.medianest.server.EmbeddedServer;
import app.medianest.server.config.ConfigException;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The controller's lifecycle: idempotent, reported as events, re-reading the configuration at restart. */
class ConsoleServerControllerTest {
    @TempDir
    Path dir;

    private final List<ServerEvent> events = new CopyOnWriteArrayList<>();

    private Map<String, String> settings() {
        Map<String, String> s = new HashMap<>();
        s.put("server.host", "127.0.0.1");
        s.put("server.port", "0");
        s.put("server.shutdown-grace", "1s");
        s.put("data.dir", dir.toString());
        s.put("db.url", "jdbc:h2:mem:ctl-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return s;
    }

    @Test
    void startAndStopAreIdempotentAndReported() {
        Map<String, String> s = settings();
        try (ServerController c = new ServerController(() -> ServerConfig.from(Settings.of(s)), Clock.systemUTC(),
                events::add)) {
            EmbeddedServer first = c.startAsync().join();
            assertSame(first, c.startAsync().join(), "a second start returns the running server");
            assertTrue(first.isRunning());
            c.stopAsync().join();
            c.stopAsync().join();
            assertFalse(first.isRunning());
            assertTrue(c.server().isEmpty());
        }
        assertEquals(List.of(ServerEvent.Starting.class, ServerEvent.Started.class, ServerEvent.Stopping.class,
                ServerEvent.Stopped.class), events.stream().map(Object::getClass).toList());
        ServerEvent.Started started = (ServerEvent.Started) events.get(1);
        assertTrue(started.baseUrl().startsWith("http://127.0.0.1:"), started.baseUrl());
        assertEquals(started.baseUrl(), started.lanUrl(), "a loopback-bound server has no LAN URL");
    }

    @Test
    void restartReadsTheConfigurationAgain() {
        Map<String, String> s = new java.util.concurrent.ConcurrentHashMap<>(settings());
        try (ServerController c = new ServerController(() -> ServerConfig.from(Settings.of(s)), Clock.systemUTC(),
                events::add)) {
            EmbeddedServer first = c.startAsync().join();
            int freePort;
            try (var socket = new java.net.ServerSocket(0)) {
                freePort = socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            s.put("server.port", Integer.toString(freePort));
            EmbeddedServer second = c.restartAsync().join();
            assertFalse(first.isRunning());
            assertEquals(freePort, second.port());
        }
    }

    @Test
    void aBadSettingIsReportedAsAFailureNamingIt() {
        Map<String, String> s = settings();
        s.put("server.port", "70000");
        try (ServerController c = new ServerController(() -> ServerConfig.from(Settings.of(s)), Clock.systemUTC(),
                events::add)) {
            assertThrows(ConfigException.class, c::start);
            assertTrue(c.server().isEmpty());
        }
        ServerEvent.Failed failed = assertInstanceOf(ServerEvent.Failed.class, events.getLast());
        assertTrue(failed.message().contains("MEDIANEST_PORT"), failed.message());
    }
}
