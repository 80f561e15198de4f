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
        // Redrawn at the end of each tick's FX job (a tick before the first layout has nothing to draw on; the
        // background poller keeps ticking every second).
        ConsoleFixture.await("three redraws", Duration.ofSeconds(10), () -> memory.draws() >= 3);
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

    @Test
    void theFamilyUrlTileShowsAQrCodeOfTheUrlAndOpensItInTheBrowser(FxRobot robot) throws Exception {
        Label url = robot.lookup("#lan-url").queryAs(Label.class);
        ConsoleFixture.await("the family URL", Duration.ofSeconds(10), () -> url.getText().startsWith("http://"));
        app.medianest.console.controls.QrCode qr = robot.lookup("#family-url-qr")
                .queryAs(app.medianest.console.controls.QrCode.class);
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> shot =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> shot.set(qr.snapshot(null, null)));
        assertEquals(url.getText(), decodeQr(shot.get()), "a phone scanning the tile gets the family URL");

        java.util.List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        fixture.context().models().dashboard().browser(opened::add);
        robot.clickOn("#open-family-url");
        ConsoleFixture.await("the browser opened", Duration.ofSeconds(5), () -> !opened.isEmpty());
        assertEquals(java.util.List.of(url.getText()), opened);
    }

    @Test
    void anUpstreamWithoutAnAddressHasANotConfiguredBreakerTile(FxRobot robot) {
        DashboardViewModel vm = fixture.context().models().dashboard();
        ConsoleFixture.await("the overseerr breaker tile", Duration.ofSeconds(15), () -> {
            vm.poll();
            return robot.lookup(".tile").queryAllAs(app.medianest.console.controls.TileNode.class).stream()
                    .anyMatch(t -> t.getChildren().get(0) instanceof Label name && name.getText().equals("overseerr")
                            && t.valueLabel().getText().equals("not configured"));
        });
        assertTrue(vm.breakers().stream().noneMatch(t -> t.name().equals("overseerr") && t.value().equals("closed")),
                "an upstream that is not configured is never shown as closed: " + vm.breakers());
    }

    /** Reads a QR code off a screenshot the way a phone does (zxing's reader over the pixels). */
    static String decodeQr(javafx.scene.image.Image image) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] pixels = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, w);
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(w, h, pixels)));
        return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
    }
}
