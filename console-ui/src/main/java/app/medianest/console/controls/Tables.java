package app.medianest.console.controls;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.HBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** Small builders for the console's tables and toolbars. */
public final class Tables {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private Tables() {
    }

    /** A read-only text column. */
    public static <T> TableColumn<T, String> column(String name, double width, Function<T, ?> value) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> {
            Object v = value.apply(d.getValue());
            return new ReadOnlyStringWrapper(v == null ? "" : v instanceof Instant i ? DATE.format(i) : v.toString());
        });
        return c;
    }

    /** Previous / page label / next buttons over a paged model's properties. */
    public static HBox pager(ObservableValue<Boolean> hasPrevious, ObservableValue<Boolean> hasNext,
                             ObservableValue<String> page, Runnable previous, Runnable next, String idPrefix) {
        Button prev = new Button("< Previous");
        prev.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !Boolean.TRUE.equals(hasPrevious.getValue()), hasPrevious));
        prev.setOnAction(e -> previous.run());
        prev.setId(idPrefix + "-previous");
        Button nxt = new Button("Next >");
        nxt.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !Boolean.TRUE.equals(hasNext.getValue()), hasNext));
        nxt.setOnAction(e -> next.run());
        nxt.setId(idPrefix + "-next");
        Label label = new Label();
        label.textProperty().bind(page);
        HBox box = new HBox(8, prev, label, nxt);
        box.getStyleClass().add("toolbar");
        return box;
    }
}
