package app.medianest.console.tools;

import app.medianest.console.ConsoleContext;
import app.medianest.console.concurrent.FxExecutor;
import app.medianest.console.concurrent.Tasks;
import app.medianest.console.logs.RingBufferHandler;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.Settings;
import app.medianest.server.demo.DemoMode;
import app.medianest.server.logging.LogSetup;
import app.medianest.server.seed.SeedCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A console over a throw-away installation for the measurement and screenshot tools: a temporary data
 * directory, an H2 file database (the default) seeded with synthetic users and requests, an admin account, the server on
 * a free loopback port. Everything else is the real console.
 */
final class DemoConsole {
    static final String ADMIN = "admin";
    static final String PASSWORD = "demo password 1";

    private static RingBufferHandler LOGS;

    private DemoConsole() {
    }

    /** Builds (not starts) a console over a fresh seeded database. */
    static ConsoleContext create(int users, int requests, boolean withAdmin, boolean demoMode, PrintStream out) {
        return create(users, requests, withAdmin, demoMode, Map.of(), out);
    }

    /** As above, with extra server settings (keys as in {@code SettingsCatalog}, e.g. {@code plex.url}). */
    static ConsoleContext create(int users, int requests, boolean withAdmin, boolean demoMode,
                                 Map<String, String> extra, PrintStream out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("medianest-demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> s = new HashMap<>();
        s.put("server.host", "127.0.0.1");
        s.put("server.port", "0");
        s.put("server.shutdown-grace", "2s");
        s.put("data.dir", dir.toString());
        s.putAll(extra);
        // The product's default database: an H2 file in the data directory (not in the heap).
        if (withAdmin) {
            s.put("admin.username", ADMIN);
            s.put("admin.password", PASSWORD);
        }
        if (LOGS == null) {
            LogSetup.configure("INFO", null);
            LOGS = RingBufferHandler.installOnRoot(10_000);
        }
        RingBufferHandler logs = LOGS;
        // Demo mode: the server's own, so Plex, Overseerr, Uptime Kuma and yt-dlp answer (simulated).
        DemoMode demo = demoMode ? DemoMode.start(Settings.of(s)) : null;
        ServerConfig config = ServerConfig.from(demo == null ? Settings.of(s) : demo.settings());
        if (requests > 0) {
            SeedCommand.run(config, new String[] {"--users", Integer.toString(users), "--requests",
                Integer.toString(requests), "--downloads", "20", "--password", PASSWORD}, out);
        }
        ConsoleContext c = new ConsoleContext(() -> config, Clock.systemUTC(),
                new Tasks(Executors.newVirtualThreadPerTaskExecutor(), FxExecutor.INSTANCE), logs);
        if (demo != null) {
            PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
            c.afterStart(server -> demo.populate(server.components(), server.baseUrl(), quiet));
            Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        }
        return c;
    }
}
