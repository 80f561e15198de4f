package app.medianest.console.services;

import app.medianest.console.controls.Tables;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Service list, the editor of the selected service, and the breakers table with reset. */
public final class ServicesView {
    private final Node root;

    public ServicesView(ServicesViewModel vm) {
        ListView<ServiceRow> list = new ListView<>(vm.services());
        list.setId("services-list");
        list.setPrefWidth(220);
        list.setPrefHeight(200);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ServiceRow s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.displayName() + (s.enabled() ? "" : " (off)"));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.selected().set(s.name());
            }
        });
        Label title = new Label();
        title.textProperty().bind(vm.selected());
        title.getStyleClass().add("headline");
        TextField url = new TextField();
        url.textProperty().bindBidirectional(vm.url());
        url.setPrefColumnCount(32);
        url.setId("service-url");
        PasswordField key = new PasswordField();
        key.textProperty().bindBidirectional(vm.apiKey());
        key.setId("service-key");
        Label keyState = new Label();
        keyState.textProperty().bind(vm.keyState());
        TextField settings = new TextField();
        settings.textProperty().bindBidirectional(vm.settings());
        settings.setPromptText("key=value, key=value");
        settings.setId("service-settings");
        CheckBox enabled = new CheckBox("enabled");
        enabled.selectedProperty().bindBidirectional(vm.enabled());
        enabled.setId("service-enabled");
        Button save = new Button("Save");
        save.setId("service-save");
        save.setOnAction(e -> vm.save());
        Button test = new Button("Test connection");
        test.setId("service-test");
        test.setOnAction(e -> vm.test());
        Label result = new Label();
        result.textProperty().bind(vm.testResult());
        result.setId("service-test-result");
        Label message = new Label();
        message.textProperty().bind(vm.message());
        message.getStyleClass().add("problem");
        message.setId("services-message");
        GridPane form = new GridPane(10, 8);
        form.addRow(0, new Label("URL"), url);
        form.addRow(1, new Label("API key / token"), key);
        form.add(keyState, 1, 2);
        form.addRow(3, new Label("Settings"), settings);
        form.add(enabled, 1, 4);
        form.add(new HBox(8, save, test), 1, 5);
        form.add(result, 1, 6);
        Label overrides = new Label();
        overrides.textProperty().bind(vm.overrides());
        overrides.getStyleClass().add("problem");
        VBox editor = new VBox(10, title, form, message, overrides);

        TableView<BreakerRow> table = new TableView<>(vm.breakers());
        table.setId("breakers-table");
        table.setPrefHeight(200);
        table.getColumns().add(Tables.column("Breaker", 140, BreakerRow::name));
        table.getColumns().add(Tables.column("State", 100, BreakerRow::state));
        table.getColumns().add(Tables.column("Failure rate", 100, BreakerRow::failureRate));
        table.getColumns().add(Tables.column("Calls in window", 120, BreakerRow::bufferedCalls));
        table.getColumns().add(Tables.column("Refused", 80, BreakerRow::notPermitted));
        table.setPlaceholder(new Label("No breakers (integrations not configured)"));
        Button reset = new Button("Reset breaker");
        reset.setId("breaker-reset");
        reset.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        reset.setOnAction(e -> vm.resetBreaker(table.getSelectionModel().getSelectedItem()));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        HBox top = new HBox(20, list, editor);
        Label breakers = new Label("Circuit breakers");
        breakers.getStyleClass().add("section");
        VBox box = new VBox(10, top, breakers, table, new HBox(8, reset, refresh));
        box.setPadding(new Insets(10));
        root = box;
    }

    public Node root() {
        return root;
    }
}
