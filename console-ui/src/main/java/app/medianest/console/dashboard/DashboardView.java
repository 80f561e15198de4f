package app.medianest.console.dashboard;

import app.medianest.console.controls.QrCode;
import app.medianest.console.controls.ThresholdChart;
import app.medianest.console.controls.TileNode;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The dashboard's scene graph, bound once to a {@link DashboardViewModel}. */
public final class DashboardView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final DashboardViewModel vm;
    private final List<ThresholdChart> charts = new ArrayList<>();
    private final Node root;

    public DashboardView(DashboardViewModel vm) {
        this.vm = vm;
        this.root = build();
    }

    public Node root() {
        return root;
    }

    /** Brings hidden charts up to date (the dashboard was shown again). */
    public void redraw() {
        charts.forEach(ThresholdChart::redraw);
    }

    public List<ThresholdChart> charts() {
        return charts;
    }

    private Node build() {
        ChoiceBox<ChartWindow> window = new ChoiceBox<>();
        window.getItems().setAll(ChartWindow.values());
        window.valueProperty().bindBidirectional(vm.window());
        window.setId("chart-window");
        ComboBox<String> route = new ComboBox<>(vm.routes());
        route.valueProperty().bindBidirectional(vm.selectedRoute());
        route.setPromptText("route");
        route.setPrefWidth(320);
        route.setId("route-choice");
        Label problem = new Label();
        problem.textProperty().bind(vm.problem());
        problem.getStyleClass().add("problem");
        problem.setId("dashboard-problem");
        problem.setWrapText(true);
        HBox bar = new HBox(10, fixed("Window"), window, fixed("Route"), route);
        bar.getStyleClass().add("toolbar");

        FlowPane tiles = new FlowPane(8, 8);
        TileNode lan = new TileNode("Family URL");
        lan.valueLabel().textProperty().bind(vm.lanUrl());
        lan.valueLabel().setId("lan-url");
        lan.severity(Severity.OK);
        QrCode qr = new QrCode(132);
        qr.setId("family-url-qr");
        qr.show(vm.lanUrl().get());
        vm.lanUrl().addListener((o, a, b) -> qr.show(b));
        Button open = new Button("Open in browser");
        open.setId("open-family-url");
        open.disableProperty().bind(vm.lanUrl().isEqualTo("-"));
        open.setOnAction(e -> vm.openFamilyUrl());
        lan.getChildren().addAll(qr, open);
        TileNode uptime = new TileNode("Uptime");
        uptime.valueLabel().textProperty().bind(vm.uptime());
        uptime.severity(Severity.NONE);
        tiles.getChildren().addAll(lan, uptime);
        FlowPane breakerTiles = new FlowPane(8, 8);
        breakerTiles.getChildren().add(sectionLabel("Breakers"));
        TileNode.bind(breakerTiles, vm.breakers(), 1);
        FlowPane upstreamTiles = new FlowPane(8, 8);
        upstreamTiles.getChildren().add(sectionLabel("Upstreams"));
        TileNode.bind(upstreamTiles, vm.upstreams(), 1);

        GridPane grid = new GridPane(8, 8);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            grid.getColumnConstraints().add(cc);
        }
        int i = 0;
        for (ChartModel m : vm.charts()) {
            ThresholdChart chart = new ThresholdChart(m, vm.window());
            chart.setId("chart-" + m.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            charts.add(chart);
            grid.add(chart, i % 2, i / 2);
            i++;
        }
        ListView<AlertRow> active = alerts(true);
        active.setItems(vm.activeAlerts());
        active.setId("active-alerts");
        ListView<AlertRow> history = alerts(false);
        history.setItems(vm.alertHistory());
        history.setId("alert-history");
        VBox alerts = new VBox(6, sectionLabel("Active alerts"), active, sectionLabel("Alert history"), history);
        alerts.setPrefWidth(360);
        alerts.setMinWidth(260);
        VBox.setVgrow(history, Priority.ALWAYS);
        HBox.setHgrow(grid, Priority.ALWAYS);
        HBox body = new HBox(10, grid, alerts);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox content = new VBox(10, bar, problem, tiles, breakerTiles, upstreamTiles, body);
        content.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label sectionLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private ListView<AlertRow> alerts(boolean withAck) {
        ListView<AlertRow> list = new ListView<>();
        list.setPrefHeight(withAck ? 150 : 220);
        list.setPlaceholder(new Label(withAck ? "No active alerts" : "No alerts yet"));
        list.setCellFactory(l -> new ListCell<>() {
            private final Label text = new Label();
            private final Button ack = new Button("Acknowledge");
            private final HBox box = new HBox(6, text, ack);

            {
                text.setWrapText(true);
                text.setMaxWidth(250);
                ack.setOnAction(e -> vm.acknowledge(getItem()));
            }

            @Override
            protected void updateItem(AlertRow a, boolean empty) {
                super.updateItem(a, empty);
                getStyleClass().removeAll("sev-warning", "sev-critical");
                if (empty || a == null) {
                    setGraphic(null);
                    return;
                }
                getStyleClass().add("sev-" + a.severity());
                text.setText(a.severity().toUpperCase(java.util.Locale.ROOT) + "  " + a.message() + "\n"
                        + TIME.format(a.since()) + (a.resolvedAt() != null ? " - resolved " + TIME.format(a.resolvedAt())
                        : "") + (a.acknowledged() ? " (acknowledged)" : ""));
                ack.setVisible(withAck && !a.acknowledged());
                ack.setManaged(withAck && !a.acknowledged());
                setGraphic(box);
            }
        });
        return list;
    }
}
