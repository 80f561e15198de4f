package app.medianest.console.backups;

import app.medianest.console.controls.Sections;
import app.medianest.console.controls.Tables;
import app.medianest.model.backup.BackupView;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The latest backup's age, the schedule, "Back up now", the backups table and how to restore one. */
public final class BackupsView {
    private final Node root;

    public BackupsView(BackupsViewModel vm) {
        Label latest = new Label();
        latest.textProperty().bind(vm.latest());
        latest.getStyleClass().add("headline");
        latest.setId("backups-latest");
        vm.overdue().subscribe(late -> {
            latest.getStyleClass().remove("problem");
            if (late) {
                latest.getStyleClass().add("problem");
            }
        });
        Label schedule = new Label();
        schedule.textProperty().bind(vm.schedule());
        schedule.setWrapText(true);
        schedule.setId("backups-schedule");

        Button now = new Button("Back up now");
        now.setId("backups-now");
        now.disableProperty().bind(vm.busy());
        now.setOnAction(e -> vm.backUpNow());
        Button refresh = new Button("Refresh");
        refresh.setId("backups-refresh");
        refresh.setOnAction(e -> vm.refresh());
        Label result = new Label();
        result.textProperty().bind(vm.result());
        result.getStyleClass().add("ok-text");
        result.setId("backups-result");
        Label message = new Label();
        message.textProperty().bind(vm.message());
        message.getStyleClass().add("problem");
        message.setWrapText(true);
        message.setId("backups-message");
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        HBox actions = new HBox(8, now, refresh, result);
        actions.getStyleClass().add("toolbar");

        TableView<BackupView> table = new TableView<>(vm.backups());
        table.setId("backups-table");
        table.setPrefHeight(300);
        table.getColumns().add(Tables.column("File", 380, BackupView::name));
        table.getColumns().add(Tables.column("Taken", 140, BackupView::createdAt));
        table.getColumns().add(Tables.column("Size", 90, b -> BackupsViewModel.size(b.sizeBytes())));
        table.getColumns().add(Tables.column("Kind", 170, BackupView::kind));
        table.setPlaceholder(new Label("No backups in the backup directory"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selected().set(b);
            }
        });
        vm.selected().subscribe(b -> {
            if (b != null && b != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(b);
            }
        });

        TextField command = new TextField();
        command.textProperty().bind(vm.restoreCommand());
        command.setEditable(false);
        command.setId("backups-restore-command");
        HBox.setHgrow(command, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("backups-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(command.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label restoreHelp = new Label("Restoring replaces the database file, so the server must be stopped: close "
                + "the console, run this command in a terminal as the same user (with the installer's launcher; "
                + "otherwise java -jar medianest-server.jar restore FILE), then start the console again. The "
                + "current database file is kept beside it as medianest.mv.db.before-restore-<time>. "
                + "See docs/operations.md.");
        restoreHelp.setWrapText(true);

        VBox box = new VBox(8, latest, schedule, actions, message, Sections.heading("Backups, newest first"), table,
                Sections.heading("Restore the selected backup"), new HBox(8, command, copy), restoreHelp);
        box.setPadding(new Insets(10));
        root = box;
    }

    public Node root() {
        return root;
    }
}
