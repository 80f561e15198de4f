package app.medianest.console.settings;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Server settings form: listener, database with connection test, save and restart. */
public final class SettingsView {
    private final Node root;

    public SettingsView(SettingsViewModel vm) {
        TextField port = field(vm.port(), "settings-port", 8);
        TextField host = field(vm.host(), "settings-host", 20);
        ChoiceBox<String> db = new ChoiceBox<>();
        db.getItems().setAll("h2", "postgresql");
        db.valueProperty().bindBidirectional(vm.database());
        db.setId("settings-db");
        TextField url = field(vm.dbUrl(), "settings-db-url", 40);
        url.setPromptText("jdbc:postgresql://host:5432/medianest");
        TextField user = field(vm.dbUser(), "settings-db-user", 20);
        PasswordField pw = new PasswordField();
        pw.textProperty().bindBidirectional(vm.dbPassword());
        pw.setPromptText("leave empty to keep");
        pw.setId("settings-db-password");
        var pgOnly = vm.database().isNotEqualTo("postgresql");
        url.disableProperty().bind(pgOnly);
        user.disableProperty().bind(pgOnly);
        pw.disableProperty().bind(pgOnly);
        Button test = new Button("Test connection");
        test.setId("settings-db-test");
        test.setOnAction(e -> vm.testConnection());
        Button save = new Button("Save and restart server");
        save.setId("settings-save");
        save.setOnAction(e -> vm.saveAndRestart());
        Label message = new Label();
        message.textProperty().bind(vm.message());
        message.setId("settings-message");
        message.setWrapText(true);
        Label overrides = new Label();
        overrides.textProperty().bind(vm.overrides());
        overrides.getStyleClass().add("problem");
        Label file = new Label();
        file.textProperty().bind(vm.file().map(f -> "Saved to " + f));
        GridPane form = new GridPane(10, 8);
        form.addRow(0, new Label("Port"), port);
        form.addRow(1, new Label("Bind address"), host);
        form.addRow(2, new Label("Database"), db);
        form.addRow(3, new Label("PostgreSQL URL"), url);
        form.addRow(4, new Label("User"), user);
        form.addRow(5, new Label("Password"), pw);
        form.add(new HBox(8, test, save), 1, 6);
        Label title = new Label("Server settings");
        title.getStyleClass().add("headline");
        VBox box = new VBox(12, title, file, form, message, overrides);
        box.setPadding(new Insets(16));
        root = box;
    }

    private static TextField field(javafx.beans.property.StringProperty p, String id, int columns) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(p);
        f.setId(id);
        f.setPrefColumnCount(columns);
        return f;
    }

    public Node root() {
        return root;
    }
}
