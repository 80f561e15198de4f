package app.medianest.console.controls;

import javafx.scene.control.Label;

/** The small heading that opens a part of a view (style class {@code section}). */
public final class Sections {
    private Sections() {
    }

    public static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }
}
