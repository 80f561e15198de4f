package app.medianest.console.logs;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;

/** The live log tail: a virtualised table, a level filter and a search field. */
public final class LogsView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private final Node root;
    private final TableView<LogEntry> table = new TableView<>();

    public LogsView(LogsViewModel vm) {
        ChoiceBox<Level> level = new ChoiceBox<>();
        level.getItems().setAll(Level.SEVERE, Level.WARNING, Level.INFO, Level.FINE, Level.ALL);
        level.setConverter(new StringConverter<>() {
            @Override
            public String toString(Level l) {
                return l == null ? "" : switch (l.getName()) {
                    case "SEVERE" -> "errors";
                    case "WARNING" -> "warnings and up";
                    case "INFO" -> "info and up";
                    case "FINE" -> "debug and up";
                    default -> "everything";
                };
            }

            @Override
            public Level fromString(String s) {
                return null;
            }
        });
        level.valueProperty().bindBidirectional(vm.minLevel());
        level.setId("log-level");
        TextField search = new TextField();
        search.setPromptText("search messages");
        search.textProperty().bindBidirectional(vm.search());
        search.setId("log-search");
        Label count = new Label();
        count.textProperty().bind(vm.shown().asString("%d records"));
        HBox bar = new HBox(10, new Label("Level"), level, search, count);
        bar.getStyleClass().add("toolbar");
        table.setItems(vm.rows());
        table.setId("log-table");
        table.getColumns().add(column("Time", 100, e -> TIME.format(e.at())));
        table.getColumns().add(column("Level", 60, LogEntry::levelName));
        table.getColumns().add(column("Logger", 150, LogEntry::logger));
        TableColumn<LogEntry, String> msg = column("Message", 700, LogEntry::message);
        table.getColumns().add(msg);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        vm.rows().addListener((javafx.collections.ListChangeListener<LogEntry>) c -> {
            if (!table.getItems().isEmpty()) {
                table.scrollTo(table.getItems().size() - 1);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, bar, table);
        box.setPadding(new Insets(10));
        root = box;
    }

    static TableColumn<LogEntry, String> column(String name, double width,
                                                java.util.function.Function<LogEntry, String> value) {
        TableColumn<LogEntry, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    public Node root() {
        return root;
    }
}
