package app.medianest.server;

import app.medianest.server.config.ConfigException;
import app.medianest.server.config.ConfigLoader;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.demo.DemoMode;
import app.medianest.server.logging.LogSetup;
import app.medianest.server.logging.ShutdownSafeLogManager;
import app.medianest.server.seed.SeedCommand;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;

/**
 * Headless entry point: {@code java -jar medianest-server.jar [serve|seed ...]}. Exit codes: 0 normal,
 * 1 unexpected failure, 2 bad configuration or usage (one line on stderr naming the setting).
 */
public final class Main {
    static {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager",
                    "app.medianest.server.logging.ShutdownSafeLogManager");
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || "serve".equals(args[0]) || "demo".equals(args[0])) {
            // Long-running commands: a bounded heap by default (see TunedExec and docs/performance.md).
            app.medianest.server.launch.TunedExec.execIfUntuned(app.medianest.server.launch.TunedExec.SERVER_OPTIONS,
                    Main.class, args);
        }
        int code = run(args, System.out, System.err);
        if (code != 0 || (args.length > 0 && !"serve".equals(args[0]) && !"demo".equals(args[0]))) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "serve" -> serve();
                case "demo" -> demo(out);
                case "seed" -> SeedCommand.run(load(), rest, out);
                case "train" -> TrainCommand.run(rest, out);
                case "backup" -> app.medianest.server.backup.BackupCommand.backup(load(), out);
                case "restore" -> app.medianest.server.backup.BackupCommand.restore(load(), rest, out);
                case "help", "--help", "-h" -> usage(out, 0);
                default -> {
                    err.println("medianest: unknown command '" + command + "'");
                    yield usage(err, 2);
                }
            };
        } catch (ConfigException e) {
            err.println("medianest: configuration error: " + e.getMessage());
            return 2;
        } catch (app.medianest.server.db.DatabaseDamagedException | app.medianest.server.db.DatabaseInUseException e) {
            err.println("medianest: " + e.getMessage());
            return 2;
        } catch (java.io.IOException e) {
            err.println("medianest: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("medianest: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.getLogger(Main.class.getName()).log(System.Logger.Level.ERROR, "Start-up failed", e);
            err.println("medianest: start-up failed: " + e.getMessage().lines().findFirst().orElse(""));
            return 1;
        }
    }

    private static ServerConfig load() {
        return configure(ConfigLoader.fromSystem().load());
    }

    private static ServerConfig configure(Settings settings) {
        ServerConfig config = ServerConfig.from(settings);
        LogSetup.configure(settings.string(SettingsCatalog.LOG_LEVEL).orElse("INFO"), config.dataDir().resolve("logs"));
        return config;
    }

    private static int serve() {
        return serve(load(), () -> { }, server -> { });
    }

    /** Demo mode: simulated upstreams in this process, the server configured to use them (see DemoMode). */
    private static int demo(PrintStream out) {
        DemoMode demo = DemoMode.start(ConfigLoader.fromSystem().load());
        try {
            return serve(configure(demo.settings()), demo::close,
                    server -> demo.populate(server.components(), server.baseUrl(), out));
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    private static int serve(ServerConfig config, Runnable afterStop,
                             java.util.function.Consumer<EmbeddedServer> started) {
        // The hook is in place before the listener opens, so a SIGTERM at any moment after start-up stops
        // cleanly: stop accepting, let in-flight requests finish, close the pool and the H2 file.
        java.util.concurrent.atomic.AtomicReference<EmbeddedServer> running = new java.util.concurrent.atomic
                .AtomicReference<>();
        Thread hook = new Thread(() -> {
            ShutdownWatchdog.arm(config.shutdownGrace().plusSeconds(5), System.err);
            EmbeddedServer s = running.get();
            if (s != null) {
                s.stop();
            }
            afterStop.run();
            ShutdownSafeLogManager.finish();
        }, "medianest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            running.set(EmbeddedServer.start(config, Clock.systemUTC(), ServerListener.NONE));
            started.accept(running.get());
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            if (running.get() != null) {
                running.get().stop();
            }
            throw e;
        }
        return 0;
    }

    private static int usage(PrintStream s, int code) {
        s.println("""
                Usage: java -jar medianest-server.jar [command]

                Commands:
                  serve (default)   start the MediaNest API server
                  seed --users N --requests M [--downloads K] [--append] [--password P]
                                    fill the configured database with synthetic data and print the
                                    time it took (10,000 users and 1,000,000 requests: 323 s on H2 on
                                    a busy 2-core machine, load average 7-15; see
                                    docs/performance.md, "Data size")
                  demo              start with simulated Plex, Overseerr, Uptime Kuma and yt-dlp and
                                    sample data (own database in <data dir>/demo; prints the demo
                                    admin's password at the first start)
                  train [--rounds N]
                                    start on a temporary database, call the main routes N times (200)
                                    and stop; the installer records the JVM's ahead-of-time cache with it
                  backup            back up the embedded database into <data dir>/backups (server stopped;
                                    while it runs: the console's Backups view)
                  restore FILE      replace the embedded database with a backup (server stopped)
                  help              this text

                Configuration comes from environment variables (MEDIANEST_PORT, MEDIANEST_DATA_DIR,
                MEDIANEST_DB_URL, ...), see docs/configuration.md.""");
        return code;
    }
}
