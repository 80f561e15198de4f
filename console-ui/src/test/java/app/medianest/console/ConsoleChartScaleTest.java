package app.medianest.console;

import app.medianest.console.controls.ThresholdChart;
import app.medianest.console.dashboard.ChartModel;
import app.medianest.console.dashboard.ChartWindow;
import app.medianest.console.dashboard.Thresholds;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A latency chart after a start-up spike: one answer of 3 s against the 200/500 ms lines must not scale the axis to
 * 5,000 ms (the lines would lie flat on the axis); the scale stops at twice the critical line and the spike is
 * marked as off scale.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleChartScaleTest {
    private ChartModel model;
    private ThresholdChart chart;

    @Start
    void start(Stage stage) {
        model = new ChartModel("Latency", "ms", List.of("p95"), 0, 300);
        model.thresholds(new Thresholds("p95", false, 200.0, 500.0));
        chart = new ThresholdChart(model, new SimpleObjectProperty<>(ChartWindow.LIVE_15M));
        stage.setScene(new Scene(new StackPane(chart), 480, 240));
        stage.show();
    }

    private void points(FxRobot robot, double... ms) {
        robot.interact(() -> {
            long at = System.currentTimeMillis() - ms.length * 1000L;
            for (double v : ms) {
                model.addLive(at += 1000, List.of(v));
            }
            model.changed();
            chart.redraw();
        });
    }

    @Test
    void aSpikeIsClippedAtTwiceTheCriticalLineAndMarked(FxRobot robot) {
        points(robot, 3_000, 140, 150, 120, 160);
        assertEquals(1_000, chart.scaleMax(), "twice the 500 ms critical line, not 5,000 ms");
        assertEquals(3_000, chart.clippedPeak(), "the spike is reported as off scale");
        assertTrue(200 / chart.scaleMax() >= 0.2, "the warning line sits a fifth of the way up, readable");
    }

    @Test
    void withoutASpikeTheScaleFollowsTheDataAndNothingIsClipped(FxRobot robot) {
        points(robot, 140, 150, 620, 160);
        assertEquals(1_000, chart.scaleMax());
        assertTrue(Double.isNaN(chart.clippedPeak()), "620 ms fits under the scale");
        points(robot, 240, 180);
        assertTrue(Double.isNaN(chart.clippedPeak()));
    }
}
