package app.medianest.console.controls;

import app.medianest.console.dashboard.Severity;
import app.medianest.console.dashboard.Tile;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** A small status tile: name, value, detail, coloured by severity. */
public final class TileNode extends VBox {
    private final Label value = new Label();
    private final Label detail = new Label();

    public TileNode(String name) {
        Label title = new Label(name);
        title.getStyleClass().add("tile-name");
        value.getStyleClass().add("tile-value");
        detail.getStyleClass().add("tile-detail");
        getChildren().addAll(title, value, detail);
        getStyleClass().add("tile");
    }

    /** Shows {@code tile}'s value, detail and severity. */
    public TileNode show(Tile tile) {
        value.setText(tile.value());
        detail.setText(tile.detail());
        severity(tile.severity());
        return this;
    }

    public Label valueLabel() {
        return value;
    }

    public void severity(Severity s) {
        getStyleClass().removeIf(c -> c.startsWith("sev-"));
        getStyleClass().add("sev-" + s.name().toLowerCase(Locale.ROOT));
    }

    /** Keeps {@code pane}'s children as one tile per item of {@code tiles} (rebuilt only when the list changes). */
    public static void bind(Pane pane, ObservableList<Tile> tiles, int fixedChildren) {
        ListChangeListener<Tile> sync = c -> {
            pane.getChildren().remove(fixedChildren, pane.getChildren().size());
            for (Tile t : tiles) {
                pane.getChildren().add(new TileNode(t.name()).show(t));
            }
        };
        tiles.addListener(sync);
        sync.onChanged(null);
    }
}
