package app.medianest.console.notify;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The notification channels: list, the selected channel's editor, save and "send test". */
public final class NotificationsView {
    private final Node root;

    public NotificationsView(NotificationsViewModel vm) {
        ListView<NotificationsViewModel.ChannelRow> list = new ListView<>(vm.channels());
        list.setId("channels-list");
        list.setPrefWidth(220);
        list.setPrefHeight(200);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null) {
                vm.selected().set(c.name());
            }
        });
        Label title = new Label();
        title.textProperty().bind(vm.selected());
        title.getStyleClass().add("headline");
        TextField settings = new TextField();
        settings.textProperty().bindBidirectional(vm.settings());
        settings.setPromptText("host=smtp.example.com, port=587, security=starttls, username=..., from=...");
        settings.setPrefColumnCount(40);
        settings.setId("channel-settings");
        PasswordField secret = new PasswordField();
        secret.textProperty().bindBidirectional(vm.secret());
        secret.setPromptText("password / signing secret / access token / Discord webhook URL");
        secret.setId("channel-secret");
        CheckBox enabled = new CheckBox("enabled");
        enabled.selectedProperty().bindBidirectional(vm.enabled());
        enabled.setId("channel-enabled");
        CheckBox users = new CheckBox("users may choose it (email: always)");
        users.selectedProperty().bindBidirectional(vm.usersAllowed());
        users.setId("channel-users");
        Label state = new Label();
        state.textProperty().bind(vm.state());
        Button save = new Button("Save");
        save.setId("channel-save");
        save.setOnAction(e -> vm.save());
        TextField to = new TextField();
        to.textProperty().bindBidirectional(vm.testTo());
        to.setPromptText("test email to (default: your address)");
        to.setId("channel-test-to");
        Button test = new Button("Send test");
        test.setId("channel-test");
        test.setOnAction(e -> vm.test());
        Label result = new Label();
        result.textProperty().bind(vm.testResult());
        result.setId("channel-test-result");
        Label message = new Label();
        message.textProperty().bind(vm.message());
        message.getStyleClass().add("problem");
        message.setId("channels-message");
        GridPane form = new GridPane(10, 8);
        form.addRow(0, new Label("Settings"), settings);
        form.addRow(1, new Label("Secret"), secret);
        form.add(state, 1, 2);
        form.add(new HBox(16, enabled, users), 1, 3);
        form.add(save, 1, 4);
        form.add(new HBox(8, to, test), 1, 5);
        form.add(result, 1, 6);
        Label help = new Label("Each person chooses the events they want per channel under their notification "
                + "settings; see docs/notifications.md.");
        VBox editor = new VBox(10, title, form, message, help);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        VBox box = new VBox(10, new HBox(20, list, editor), refresh);
        box.setPadding(new Insets(10));
        root = box;
    }

    public Node root() {
        return root;
    }
}
