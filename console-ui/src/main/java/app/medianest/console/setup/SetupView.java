package app.medianest.console.setup;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The first-run screen: the setup token and the form that creates the admin. */
public final class SetupView {
    private final Node root;

    public SetupView(SetupViewModel vm) {
        Label title = new Label("Welcome to MediaNest");
        title.getStyleClass().add("headline");
        Label intro = new Label("No admin account exists yet. Create it here. The one-time setup token below is also "
                + "written to the server log, for setting up from another device with POST /api/v1/auth/setup.");
        intro.setWrapText(true);
        intro.setMaxWidth(520);
        TextField token = new TextField();
        token.setEditable(false);
        token.textProperty().bind(vm.token());
        token.setId("setup-token");
        TextField user = new TextField();
        user.textProperty().bindBidirectional(vm.username());
        user.setId("setup-username");
        PasswordField pw = new PasswordField();
        pw.textProperty().bindBidirectional(vm.password());
        pw.setId("setup-password");
        PasswordField repeat = new PasswordField();
        repeat.textProperty().bindBidirectional(vm.repeat());
        repeat.setId("setup-repeat");
        Button create = new Button("Create admin");
        create.setId("setup-create");
        create.setDefaultButton(true);
        create.disableProperty().bind(vm.busy());
        create.setOnAction(e -> vm.createAdmin());
        Label error = new Label();
        error.textProperty().bind(vm.error());
        error.getStyleClass().add("problem");
        error.setId("setup-error");
        error.setWrapText(true);
        error.setMaxWidth(520);
        GridPane form = new GridPane(10, 8);
        form.addRow(0, new Label("Setup token"), token);
        form.addRow(1, new Label("Admin user name"), user);
        form.addRow(2, new Label("Password (10+ characters)"), pw);
        form.addRow(3, new Label("Repeat password"), repeat);
        form.add(create, 1, 4);
        token.setPrefColumnCount(30);
        VBox box = new VBox(14, title, intro, form, error);
        box.setPadding(new Insets(40));
        box.setAlignment(Pos.TOP_LEFT);
        box.setId("setup-view");
        root = box;
    }

    public Node root() {
        return root;
    }
}
