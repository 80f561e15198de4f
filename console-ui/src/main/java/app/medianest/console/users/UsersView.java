package app.medianest.console.users;

import app.medianest.console.controls.Tables;
import app.medianest.model.Role;
import app.medianest.model.UserStatus;
import app.medianest.model.auth.UserAdminView;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The users table with search, role filter and the role / suspend actions on the selected user. */
public final class UsersView {
    private final Node root;

    public UsersView(UsersViewModel vm) {
        TextField search = new TextField();
        search.setPromptText("search name or e-mail");
        search.textProperty().bindBidirectional(vm.search());
        search.setOnAction(e -> vm.refresh());
        search.setId("users-search");
        ChoiceBox<String> role = new ChoiceBox<>();
        role.getItems().setAll("", "admin", "user");
        role.valueProperty().bindBidirectional(vm.role());
        role.valueProperty().addListener((o, a, b) -> vm.refresh());
        Button find = new Button("Search");
        find.setOnAction(e -> vm.refresh());
        TableView<UserAdminView> table = new TableView<>(vm.rows());
        table.setId("users-table");
        table.getColumns().add(Tables.column("User name", 180, UserAdminView::username));
        table.getColumns().add(Tables.column("E-mail", 200, UserAdminView::email));
        table.getColumns().add(Tables.column("Role", 70, u -> u.role().wire()));
        table.getColumns().add(Tables.column("Status", 90, u -> u.status().wire()));
        table.getColumns().add(Tables.column("Plex", 50, u -> u.plexLinked() ? "yes" : ""));
        table.getColumns().add(Tables.column("Requests", 80, UserAdminView::requestCount));
        table.getColumns().add(Tables.column("Created", 140, UserAdminView::createdAt));
        table.getColumns().add(Tables.column("Last sign-in", 140, UserAdminView::lastLoginAt));
        table.setPlaceholder(new Label("No users match"));
        var selected = table.getSelectionModel().selectedItemProperty();
        Button makeAdmin = action("Make admin", "users-make-admin", selected.isNull(),
                () -> vm.changeRole(table.getSelectionModel().getSelectedItem(), Role.ADMIN));
        Button makeUser = action("Make user", "users-make-user", selected.isNull(),
                () -> vm.changeRole(table.getSelectionModel().getSelectedItem(), Role.USER));
        Button suspend = action("Suspend", "users-suspend", selected.isNull(),
                () -> vm.suspend(table.getSelectionModel().getSelectedItem(), true));
        Button reactivate = action("Reactivate", "users-reactivate", selected.isNull(),
                () -> vm.suspend(table.getSelectionModel().getSelectedItem(), false));
        selected.addListener((o, a, u) -> {
            suspend.setVisible(u == null || u.status() == UserStatus.ACTIVE);
            reactivate.setVisible(u != null && u.status() != UserStatus.ACTIVE);
        });
        reactivate.setVisible(false);
        Label message = new Label();
        message.textProperty().bind(vm.message());
        message.setId("users-message");
        HBox bar = new HBox(8, new Label("Search"), search, new Label("Role"), role, find);
        bar.getStyleClass().add("toolbar");
        HBox actions = new HBox(8, makeAdmin, makeUser, suspend, reactivate, message);
        actions.getStyleClass().add("toolbar");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, bar, actions, table, Tables.pager(vm.hasPrevious(), vm.hasNext(), vm.pageLabel(),
                vm::previous, vm::next, "users"));
        box.setPadding(new Insets(10));
        root = box;
    }

    private static Button action(String text, String id, javafx.beans.value.ObservableBooleanValue disabled,
                                 Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.disableProperty().bind(disabled);
        b.setOnAction(e -> action.run());
        return b;
    }

    public Node root() {
        return root;
    }
}
