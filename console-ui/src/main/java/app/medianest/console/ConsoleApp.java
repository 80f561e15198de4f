package app.medianest.console;

import app.medianest.console.backups.BackupsView;
import app.medianest.console.dashboard.DashboardView;
import app.medianest.console.caches.CachesView;
import app.medianest.console.loadtest.LoadTestView;
import app.medianest.console.logs.LogsView;
import app.medianest.console.requests.RequestsView;
import app.medianest.console.services.ServicesView;
import app.medianest.console.settings.SettingsView;
import app.medianest.console.users.UsersView;
import app.medianest.console.setup.SetupView;
import app.medianest.console.shell.MainWindow;
import app.medianest.console.shell.Page;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JavaFX application: builds the window from the {@link ConsoleContext} made by the {@link Launcher}.
 * Closing the window stops the server cleanly (in-flight requests finish, the database closes), then exits.
 */
public final class ConsoleApp extends Application {
    private static volatile ConsoleContext pending;
    private ConsoleContext context;

    /** Launches the toolkit with {@code context}; returns when the application exits. */
    static void launch(ConsoleContext context) {
        pending = Objects.requireNonNull(context);
        Application.launch(ConsoleApp.class);
    }

    @Override
    public void start(Stage stage) {
        context = pending;
        context.models().dashboard().browser(url -> getHostServices().showDocument(url));
        MainWindow window = buildWindow(context);
        Scene scene = new Scene(window.root(), 1360, 900);
        scene.getStylesheets().add(stylesheet());
        stage.setTitle("MediaNest console");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            e.consume();
            stage.setTitle("MediaNest console - stopping the server...");
            Thread.ofPlatform().name("medianest-console-exit").start(() -> {
                context.close();
                Platform.exit();
            });
        });
        stage.show();
    }

    /** The console stylesheet's URL. */
    public static String stylesheet() {
        return Objects.requireNonNull(ConsoleApp.class.getResource("console.css")).toExternalForm();
    }

    /** The main window over {@code c}'s view models; also used by the screenshot and measurement tools. */
    public static MainWindow buildWindow(ConsoleContext c) {
        var m = c.models();
        List<Page> pages = new ArrayList<>();
        DashboardView dashboard = new DashboardView(m.dashboard());
        pages.add(new Page("Dashboard", dashboard.root(), dashboard::redraw));
        pages.add(new Page("Requests", new RequestsView(m.requests()).root(), m.requests()::refresh));
        pages.add(new Page("Users", new UsersView(m.users()).root(), m.users()::refresh));
        pages.add(new Page("Services", new ServicesView(m.services()).root(), m.services()::refresh));
        var notifications = new app.medianest.console.notify.NotificationsViewModel(c.api(), c.tasks());
        pages.add(new Page("Notifications", new app.medianest.console.notify.NotificationsView(notifications).root(),
                notifications::refresh));
        pages.add(new Page("Caches & jobs", new CachesView(m.caches()).root(), m.caches()::refresh));
        pages.add(new Page("Backups", new BackupsView(m.backups()).root(), m.backups()::refresh));
        pages.add(new Page("Logs", new LogsView(m.logs()).root(), () -> { }));
        LoadTestView loadTest = new LoadTestView(m.loadTest());
        pages.add(new Page("Load test", loadTest.root(), loadTest::redraw));
        pages.add(new Page("Settings", new SettingsView(m.settings()).root(), m.settings()::refresh));
        return new MainWindow(c.shell(), new SetupView(m.setup()), pages, () -> c.controller().restartAsync());
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
