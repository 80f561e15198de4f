package app.medianest.console.tools;

import app.medianest.console.ConsoleApp;
import app.medianest.console.ConsoleContext;
import app.medianest.console.shell.MainWindow;
import app.medianest.console.shell.Page;
import app.medianest.loadtest.config.Auth;
import app.medianest.loadtest.config.EndpointMix;
import app.medianest.loadtest.config.LoadTestConfig;
import app.medianest.loadtest.engine.LoadTestEngine;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;

/**
 * Screenshots of every view of the real console (real server, seeded data, a light background load so the
 * charts move), written as PNG by {@code Scene.snapshot}:
 * {@code xvfb-run -a java -cp console-ui/target/medianest-console.jar app.medianest.console.tools.Screenshots docs/screenshots}.
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        int warmSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 45;
        Platform.setImplicitExit(false);
        Platform.startup(() -> { });
        ConsoleContext setup = DemoConsole.create(0, 0, false, false, System.out);
        setup.start().join();
        Stage[] stage = new Stage[1];
        fx(() -> {
            stage[0] = new Stage();
            MainWindow w = ConsoleApp.buildWindow(setup);
            Scene scene = new Scene(w.root(), 1360, 860);
            scene.getStylesheets().add(ConsoleApp.stylesheet());
            stage[0].setScene(scene);
            stage[0].show();
            return null;
        });
        Thread.sleep(2_000);
        shoot(stage[0], out.resolve("setup.png"));
        setup.close();

        ConsoleContext c = DemoConsole.create(60, 5_000, true, true, System.out);
        c.start().join();
        MainWindow[] window = new MainWindow[1];
        fx(() -> {
            window[0] = ConsoleApp.buildWindow(c);
            Scene scene = new Scene(window[0].root(), 1360, 860);
            scene.getStylesheets().add(ConsoleApp.stylesheet());
            stage[0].setScene(scene);
            stage[0].setTitle("MediaNest console");
            return null;
        });
        LoadTestEngine load = LoadTestEngine.builder(LoadTestConfig.builder(URI.create(c.api().baseUrl()))
                .users(6).sustain(Duration.ofSeconds(warmSeconds + 120)).thinkTime(Duration.ofMillis(20))
                .mix(EndpointMix.parse(EndpointMix.STRATEGY_SPEC + ",/api/v1/admin/users=1"))
                .auth(new Auth.BearerToken(c.api().token())).build()).build();
        CompletableFuture<?> running = load.start();
        System.out.println("Collecting " + warmSeconds + " s of live data for the charts...");
        Thread.sleep(warmSeconds * 1_000L);
        for (Page p : window[0].pages()) {
            fx(() -> {
                window[0].show(p);
                return null;
            });
            if ("Load test".equals(p.title())) {
                fx(() -> {
                    c.models().loadTest().users().set("10");
                    c.models().loadTest().seconds().set("15");
                    c.models().loadTest().start();
                    return null;
                });
                long deadline = System.currentTimeMillis() + 60_000;
                Thread.sleep(2_000);
                while (fx(() -> c.models().loadTest().running().get()) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(500);
                }
                Thread.sleep(1_500);
            } else if ("Backups".equals(p.title())) {
                fx(() -> {
                    c.models().backups().backUpNow();
                    return null;
                });
                long deadline = System.currentTimeMillis() + 30_000;
                Thread.sleep(500);
                while (fx(() -> c.models().backups().busy().get()) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                Thread.sleep(1_500);
            } else {
                Thread.sleep(2_500);
            }
            shoot(stage[0], out.resolve(p.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-") + ".png"));
        }
        load.stop();
        running.join();
        c.close();
        Platform.exit();
        System.exit(0);
    }

    private static void shoot(Stage stage, Path file) throws Exception {
        var image = fx(() -> stage.getScene().snapshot(null));
        Png.write(image, file);
        System.out.println("wrote " + file);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get();
    }
}
