package app.medianest.console;

import app.medianest.console.concurrent.FxExecutor;
import app.medianest.console.concurrent.Tasks;
import app.medianest.console.logs.RingBufferHandler;
import app.medianest.server.config.ConfigException;
import app.medianest.server.config.ConfigLoader;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.demo.DemoMode;
import app.medianest.server.logging.LogSetup;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Executors;

/**
 * Entry point of {@code medianest-console.jar} (not the Application subclass, so JavaFX runs from the class
 * path). Configures logging, builds the non-UI object graph, starts the server in-process with the same
 * configuration sources as the headless server, then opens the window. {@code --demo} runs the server's demo
 * mode (simulated upstreams, its own database) inside the console. {@code --smoke-test} starts the
 * server without any UI, checks {@code /health} and exits 0 (the installer's smoke test).
 */
public final class Launcher {
    static {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager",
                    "app.medianest.server.logging.ShutdownSafeLogManager");
        }
    }

    /** Lines captured for the Logs view. */
    public static final int LOG_CAPACITY = 10_000;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--smoke-test")) {
            System.exit(SmokeTest.run(System.out, System.err));
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.println("Usage: java -jar medianest-console.jar [--demo | --smoke-test]\n"
                    + "  --demo        simulated Plex, Overseerr, Uptime Kuma and yt-dlp, own database in <data dir>/demo\n"
                    + "Configuration: the same MEDIANEST_* variables and <data dir>/medianest.yaml as the server.");
            return;
        }
        // Linux and macOS: this process becomes the tuned JVM (no relay JVM stays resident beside the console).
        if (!"as-is".equals(System.getenv("MEDIANEST_CONSOLE_JVM"))) {
            app.medianest.server.launch.TunedExec.execIfUntuned(TunedJvm.OPTIONS, Launcher.class, args);
        }
        var tuned = TunedJvm.relaunchCommand(args);
        if (tuned.isPresent()) {
            System.exit(TunedJvm.run(tuned.get()));
        }
        TunedJvm.withoutGtkOpenGl();
        RingBufferHandler logs = configureLogging();
        boolean demoMode = Arrays.asList(args).contains("--demo");
        DemoMode demo = demoMode ? DemoMode.start(ConfigLoader.fromSystem().load()) : null;
        ConsoleContext context = new ConsoleContext(demo == null ? Launcher::loadConfig
                : () -> ServerConfig.from(demo.settings()), Clock.systemUTC(),
                new Tasks(Executors.newVirtualThreadPerTaskExecutor(), FxExecutor.INSTANCE), logs);
        if (demo != null) {
            context.afterStart(server -> demo.populate(server.components(), server.baseUrl(), System.out));
        }
        // SIGTERM or logout: stop the server cleanly (in-flight requests finish, the database closes).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            if (demo != null) {
                demo.close();
            }
            app.medianest.server.logging.ShutdownSafeLogManager.finish();
        }, "medianest-console-shutdown"));
        context.start();
        ConsoleApp.launch(context);
        context.close();
        System.exit(0);
    }

    /** The server's configuration, exactly as the headless server loads it. */
    public static ServerConfig loadConfig() {
        return ServerConfig.from(ConfigLoader.fromSystem().load());
    }

    /** The server's log set-up (console and file), plus the in-memory capture for the Logs view. */
    static RingBufferHandler configureLogging() {
        String level = "INFO";
        Path dir = null;
        try {
            Settings s = ConfigLoader.fromSystem().load();
            level = s.string(SettingsCatalog.LOG_LEVEL).orElse("INFO");
            dir = ServerConfig.from(s).dataDir().resolve("logs");
        } catch (ConfigException e) {
            // The window shows the configuration error when the server fails to start; log to stdout meanwhile.
        }
        LogSetup.configure(level, dir);
        return RingBufferHandler.installOnRoot(LOG_CAPACITY);
    }
}
