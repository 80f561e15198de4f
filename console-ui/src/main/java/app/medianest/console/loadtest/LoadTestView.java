package app.medianest.console.loadtest;

import app.medianest.console.controls.ThresholdChart;
import app.medianest.console.dashboard.ChartWindow;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

/** Load-test form, live charts and the report. */
public final class LoadTestView {
    private final Node root;
    private final java.util.List<ThresholdChart> charts;

    public LoadTestView(LoadTestViewModel vm) {
        TextField users = field(vm.users(), "loadtest-users", 4);
        TextField seconds = field(vm.seconds(), "loadtest-seconds", 4);
        TextField ramp = field(vm.rampUp(), "loadtest-ramp", 4);
        TextField mix = field(vm.mix(), "loadtest-mix", 50);
        Button start = new Button("Run");
        start.setId("loadtest-start");
        start.disableProperty().bind(vm.running());
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop");
        stop.disableProperty().bind(vm.running().not());
        stop.setOnAction(e -> vm.stop());
        HBox form = new HBox(8, new Label("Users"), users, new Label("Ramp-up s"), ramp, new Label("Duration s"),
                seconds, new Label("Mix"), mix, start, stop);
        form.getStyleClass().add("toolbar");
        Label status = new Label();
        status.textProperty().bind(vm.status());
        status.setId("loadtest-status");
        var live = new SimpleObjectProperty<>(ChartWindow.LIVE_15M);
        ThresholdChart throughput = new ThresholdChart(vm.throughput(), live, true);
        throughput.setId("loadtest-throughput");
        ThresholdChart latency = new ThresholdChart(vm.latency(), live, true);
        latency.setId("loadtest-latency");
        charts = java.util.List.of(throughput, latency);
        HBox.setHgrow(throughput, Priority.ALWAYS);
        HBox.setHgrow(latency, Priority.ALWAYS);
        TextArea report = new TextArea();
        report.setEditable(false);
        report.textProperty().bind(vm.report());
        report.setFont(Font.font("monospace", 12));
        report.setId("loadtest-report");
        VBox.setVgrow(report, Priority.ALWAYS);
        VBox box = new VBox(10, form, status, new HBox(10, throughput, latency), report);
        box.setPadding(new Insets(10));
        root = box;
    }

    private static TextField field(javafx.beans.property.StringProperty p, String id, int columns) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(p);
        f.setPrefColumnCount(columns);
        f.setId(id);
        return f;
    }

    /** Draws what arrived while the view was hidden. */
    public void redraw() {
        charts.forEach(ThresholdChart::redraw);
    }

    public Node root() {
        return root;
    }
}
