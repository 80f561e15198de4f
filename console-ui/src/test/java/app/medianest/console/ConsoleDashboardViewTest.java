package app.medianest.console;

import app.medianest.console.controls.ThresholdChart;
import app.medianest.console.dashboard.AlertRow;
import app.medianest.console.dashboard.DashboardView;
import app.medianest.console.dashboard.DashboardViewModel;
import app.medianest.console.dashboard.Severity;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard polls the real server every second: charts receive points, a crossed threshold raises an alert. */
@ExtendWith(ApplicationExtension.class)
class ConsoleDashboardViewTest {
    private ConsoleFixture fixture;
    private DashboardView view;

    @Start
    void start(Stage stage) throws Exception {
        fixture = ConsoleFixture.start(true, Map.of());
        view = new DashboardView(fixture.context().models().dashboard());
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(view.root()), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theFamilyUrlTileShowsWhereTheServerListens(FxRobot robot) {
        ConsoleFixture.await("the family URL", Duration.ofSeconds(10),
                () -> robot.lookup("#lan-url").queryAs(Label.class).getText().startsWith("http://127.0.0.1:"));
    }

    @Test
    void chartsReceiveOnePointPerSecondFromTheServer(FxRobot robot) {
        assertTrue(fixture.serves("/api/v1/performance/metrics"), "the server serves /api/v1/performance/metrics");
        DashboardViewModel vm = fixture.context().models().dashboard();
        for (int i = 0; i < 3; i++) {
            vm.poll();
            int expected = i + 1;
            ConsoleFixture.await("tick " + expected, Duration.ofSeconds(10),
                    () -> vm.charts().get(4).lines().getFirst().live().size() >= expected);
        }
        ThresholdChart memory = view.charts().get(4);
        assertTrue(memory.draws() >= 3, "redrawn once per tick: " + memory.draws());
        assertTrue(memory.model().current() > 0, "process memory is plotted");
        assertTrue(vm.latency().thresholds().critical() != null, "the p95 rule's critical line is drawn");
    }

    @Test
    void anAlertAppearsWhenAThresholdIsCrossed(FxRobot robot) {
        assertTrue(fixture.serves("/api/v1/admin/alert-rules"), "the server serves /api/v1/admin/alert-rules");
        var memory = app.medianest.console.api.ApiClient.JSON.createObjectNode()
                .put("id", "memory").put("metric", "memory_mb").put("comparison", "above")
                .put("warning", 1.0).put("critical", 100_000.0).put("sustainSeconds", 0).put("recoverySeconds", 60)
                .put("recoveryMarginPercent", 5).put("enabled", true);
        var list = app.medianest.console.api.ApiClient.JSON.createArrayNode().add(memory);
        fixture.adminApi().put("/api/v1/admin/alert-rules",
                app.medianest.console.api.ApiClient.JSON.createObjectNode().set("rules", list));
        DashboardViewModel vm = fixture.context().models().dashboard();
        @SuppressWarnings("unchecked")
        ListView<AlertRow> active = robot.lookup("#active-alerts").queryAs(ListView.class);
        ConsoleFixture.await("the memory alert", Duration.ofSeconds(20), () -> {
            vm.poll();
            return active.getItems().stream().anyMatch(a -> a.ruleId().equals("memory"));
        });
        assertEquals("warning", active.getItems().getFirst().severity());
        java.util.function.Supplier<java.util.Optional<javafx.scene.control.Button>> ackButton = () -> robot
                .from(active).lookup((javafx.scene.control.Button b) -> b.getScene() != null && b.isVisible())
                .tryQuery();
        ConsoleFixture.await("the acknowledge button", Duration.ofSeconds(10), () -> ackButton.get().isPresent());
        robot.interact(() -> ackButton.get().orElseThrow().fire());
        ConsoleFixture.await("the acknowledgement", Duration.ofSeconds(10), () -> fixture.adminApi()
                .get("/api/v1/performance/alerts").path("active").get(0).hasNonNull("acknowledgedAt"));
        ConsoleFixture.await("the warning colour", Duration.ofSeconds(10), () -> {
            vm.poll();
            return vm.charts().get(4).severityProperty().get() == Severity.WARNING;
        });
    }
}
