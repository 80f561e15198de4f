package app.medianest.console;

import app.medianest.console.caches.CacheRow;
import app.medianest.console.caches.FlagRow;
import app.medianest.console.logs.LogEntry;
import app.medianest.console.shell.MainWindow;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Caches & jobs, Logs, Load test and Settings, each driven through its view against the real server. */
@ExtendWith(ApplicationExtension.class)
class ConsoleOperationsViewsTest {
    private ConsoleFixture fixture;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = ConsoleFixture.start(true, Map.of());
        window = ConsoleApp.buildWindow(fixture.context());
        stage.setScene(new Scene(window.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void open(FxRobot robot, String nav) {
        ConsoleFixture.await("the console signed in", Duration.ofSeconds(10),
                () -> !robot.lookup(nav).query().isDisabled());
        robot.clickOn(nav);
    }

    @Test
    void switchingAFeatureFlagInTheCachesViewChangesItOnTheServer(FxRobot robot) {
        assertTrue(fixture.serves("/api/v1/admin/feature-flags"), "the server serves /api/v1/admin/feature-flags");
        open(robot, "#nav-caches-jobs");
        @SuppressWarnings("unchecked")
        TableView<FlagRow> flags = robot.lookup("#flags-table").queryAs(TableView.class);
        @SuppressWarnings("unchecked")
        TableView<CacheRow> caches = robot.lookup("#caches-table").queryAs(TableView.class);
        ConsoleFixture.await("flags and caches", Duration.ofSeconds(10),
                () -> !flags.getItems().isEmpty() && !caches.getItems().isEmpty());
        FlagRow first = flags.getItems().getFirst();
        robot.interact(() -> flags.getSelectionModel().select(0));
        robot.clickOn("#flag-toggle");
        ConsoleFixture.await("the flag switched on the server", Duration.ofSeconds(10), () -> {
            for (var f : fixture.adminApi().get("/api/v1/admin/feature-flags")) {
                if (f.path("name").asText().equals(first.name())) {
                    return f.path("enabled").asBoolean() != first.enabled();
                }
            }
            return false;
        });
        // The view reloads its tables after the switch (which clears their selection): select once it has.
        ConsoleFixture.await("the view reloaded after the switch", Duration.ofSeconds(10),
                () -> robot.lookup("#caches-message").queryAs(Label.class).getText().startsWith(first.name()));
        robot.interact(() -> caches.getSelectionModel().select(0));
        robot.clickOn("#cache-flush");
        ConsoleFixture.await("the flush", Duration.ofSeconds(10),
                () -> robot.lookup("#caches-message").queryAs(Label.class).getText().startsWith("Flushed"));
    }

    @Test
    void theLogViewTailsTheServersRecordsAndFiltersThem(FxRobot robot) {
        open(robot, "#nav-logs");
        java.util.logging.Logger.getLogger("app.medianest.server.TestProbe").warning("disk almost full on /media");
        java.util.logging.Logger.getLogger("app.medianest.server.TestProbe").info("routine message");
        fixture.context().logs().publish(new java.util.logging.LogRecord(java.util.logging.Level.WARNING,
                "disk almost full on /media"));
        @SuppressWarnings("unchecked")
        TableView<LogEntry> table = robot.lookup("#log-table").queryAs(TableView.class);
        ConsoleFixture.await("the warning in the tail", Duration.ofSeconds(10),
                () -> table.getItems().stream().anyMatch(e -> e.message().contains("disk almost full")));
        robot.interact(() -> robot.lookup("#log-search").queryAs(TextField.class).setText("DISK ALMOST"));
        ConsoleFixture.await("the search", Duration.ofSeconds(10),
                () -> !table.getItems().isEmpty() && table.getItems().stream()
                        .allMatch(e -> e.message().contains("disk almost full")));
    }

    @Test
    void aLoadTestRunFromTheViewShowsItsReport(FxRobot robot) {
        open(robot, "#nav-load-test");
        robot.interact(() -> {
            robot.lookup("#loadtest-users").queryAs(TextField.class).setText("3");
            robot.lookup("#loadtest-ramp").queryAs(TextField.class).setText("0");
            robot.lookup("#loadtest-seconds").queryAs(TextField.class).setText("2");
            robot.lookup("#loadtest-mix").queryAs(TextField.class).setText("/api/v1/auth/session=1");
        });
        robot.clickOn("#loadtest-start");
        TextArea report = robot.lookup("#loadtest-report").queryAs(TextArea.class);
        ConsoleFixture.await("the report", Duration.ofSeconds(30), () -> report.getText().contains("HTML report"));
        assertTrue(report.getText().contains("/api/v1/auth/session"), report.getText());
        assertFalse(fixture.context().models().loadTest().throughput().lines().getFirst().live().size() == 0);
    }

    @Test
    void savingSettingsWritesTheFileAndRestartsTheServer(FxRobot robot) throws Exception {
        open(robot, "#nav-settings");
        var before = fixture.server();
        robot.interact(() -> robot.lookup("#settings-port").queryAs(TextField.class).setText("4321"));
        robot.clickOn("#settings-save");
        ConsoleFixture.await("the restart", Duration.ofSeconds(30),
                () -> fixture.context().controller().server().filter(s -> s != before).isPresent()
                        && "Running".equals(robot.lookup("#server-status").queryAs(Label.class).getText()));
        String yaml = Files.readString(fixture.dataDir().resolve("medianest.yaml"));
        assertTrue(yaml.contains("port: '4321'") || yaml.contains("port: \"4321\"") || yaml.contains("port: 4321"),
                yaml);
        assertTrue(fixture.context().api().get("/api/v1/auth/session").path("user").path("role").asText()
                .equals("admin"), "the console signed in again after the restart");
    }
}
