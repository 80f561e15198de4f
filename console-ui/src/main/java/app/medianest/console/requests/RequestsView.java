package app.medianest.console.requests;

import app.medianest.console.controls.Tables;
import app.medianest.model.MediaRequestView;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/** The requests table: filters, approve / decline (with reason) of the selection, paging. */
public final class RequestsView {
    private final Node root;

    public RequestsView(RequestsViewModel vm) {
        ChoiceBox<String> status = new ChoiceBox<>();
        status.getItems().setAll("", "pending", "approved", "declined", "available", "failed");
        status.valueProperty().bindBidirectional(vm.status());
        status.valueProperty().addListener((o, a, b) -> vm.refresh());
        status.setId("requests-status");
        ChoiceBox<String> type = new ChoiceBox<>();
        type.getItems().setAll("", "movie", "tv");
        type.valueProperty().bindBidirectional(vm.mediaType());
        type.valueProperty().addListener((o, a, b) -> vm.refresh());
        TextField search = new TextField();
        search.setPromptText("title contains");
        search.textProperty().bindBidirectional(vm.search());
        search.setOnAction(e -> vm.refresh());
        search.setId("requests-search");
        Button find = new Button("Search");
        find.setOnAction(e -> vm.refresh());
        TableView<MediaRequestView> table = new TableView<>(vm.rows());
        table.setId("requests-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(Tables.column("Title", 260, MediaRequestView::title));
        table.getColumns().add(Tables.column("Type", 60, r -> r.mediaType().wire()));
        table.getColumns().add(Tables.column("Status", 80, r -> r.status().wire()));
        table.getColumns().add(Tables.column("Requested by", 130, MediaRequestView::username));
        table.getColumns().add(Tables.column("Seasons", 80, r -> r.seasons() == null || r.seasons().isEmpty() ? "" : r.seasons()));
        table.getColumns().add(Tables.column("Created", 140, MediaRequestView::createdAt));
        table.getColumns().add(Tables.column("Decline reason", 200, MediaRequestView::declineReason));
        table.setPlaceholder(new Label("No requests match"));
        TextField reason = new TextField();
        reason.setPromptText("decline reason (optional)");
        reason.textProperty().bindBidirectional(vm.reason());
        reason.setPrefColumnCount(22);
        reason.setId("requests-reason");
        var sel = table.getSelectionModel();
        Button approve = new Button("Approve");
        approve.setId("requests-approve");
        approve.setOnAction(e -> forSelection(sel.getSelectedItems(), vm, true));
        Button decline = new Button("Decline");
        decline.setId("requests-decline");
        decline.setOnAction(e -> forSelection(sel.getSelectedItems(), vm, false));
        approve.disableProperty().bind(sel.selectedItemProperty().isNull());
        decline.disableProperty().bind(sel.selectedItemProperty().isNull());
        Label message = new Label();
        message.textProperty().bind(vm.message());
        message.setId("requests-message");
        HBox filters = new HBox(8, new Label("Status"), status, new Label("Type"), type, search, find);
        filters.getStyleClass().add("toolbar");
        HBox actions = new HBox(8, approve, decline, reason, message);
        actions.getStyleClass().add("toolbar");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, filters, actions, table, Tables.pager(vm.hasPrevious(), vm.hasNext(), vm.pageLabel(),
                vm::previous, vm::next, "requests"));
        box.setPadding(new Insets(10));
        root = box;
    }

    /** One selected request: the single-request route; several: one bulk call. */
    private static void forSelection(List<MediaRequestView> selected, RequestsViewModel vm, boolean approve) {
        List<MediaRequestView> copy = List.copyOf(selected);
        if (copy.size() == 1) {
            if (approve) {
                vm.approve(copy.getFirst());
            } else {
                vm.decline(copy.getFirst());
            }
        } else {
            vm.bulk(copy, approve);
        }
    }

    public Node root() {
        return root;
    }
}
