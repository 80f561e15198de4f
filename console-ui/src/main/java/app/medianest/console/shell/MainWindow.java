package app.medianest.console.shell;

import app.medianest.console.setup.SetupView;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/** The window's content: navigation on the left, the server status on top, the current view in the middle. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final StackPane center = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private final List<Page> pages;
    private final ShellViewModel shell;
    private final Node setup;
    private Page current;

    public MainWindow(ShellViewModel shell, SetupView setup, List<Page> pages, Runnable restart) {
        this.shell = shell;
        this.pages = pages;
        this.setup = setup.root();
        VBox navBox = new VBox(2);
        navBox.getStyleClass().add("nav");
        Label brand = new Label("MediaNest");
        brand.getStyleClass().add("brand");
        navBox.getChildren().add(brand);
        for (Page p : pages) {
            ToggleButton b = new ToggleButton(p.title());
            b.setToggleGroup(nav);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setId("nav-" + p.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
            b.setOnAction(e -> show(p));
            b.disableProperty().bind(shell.needsSetup());
            navBox.getChildren().add(b);
        }
        Label status = new Label();
        status.textProperty().bind(shell.status());
        status.setId("server-status");
        Label urls = new Label();
        urls.textProperty().bind(shell.lanUrl().map(u -> u.isEmpty() ? "" : "Family URL: " + u));
        urls.setId("family-url");
        Button restartButton = new Button("Restart server");
        restartButton.setOnAction(e -> restart.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(14, status, urls, spacer, restartButton);
        top.getStyleClass().add("statusbar");
        top.setPadding(new Insets(6, 10, 6, 10));
        root.setTop(top);
        root.setLeft(navBox);
        // Every view stays in the scene and only the current one is visible: switching keeps each view's
        // styles and skins, so it costs a layout pass instead of re-styling a whole subtree.
        center.getChildren().add(this.setup);
        for (Page p : pages) {
            center.getChildren().add(p.root());
        }
        center.getChildren().forEach(n -> visible(n, false));
        root.setCenter(center);
        root.getStyleClass().add("console-root");
        shell.needsSetup().addListener((o, a, needs) -> update());
        update();
    }

    private void update() {
        if (shell.needsSetup().get()) {
            center.getChildren().forEach(n -> visible(n, n == setup));
        } else if (current == null) {
            show(pages.getFirst());
        } else {
            show(current);
        }
    }

    private static void visible(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    /** Shows {@code page} (ignored while setup is pending). */
    public void show(Page page) {
        current = page;
        if (shell.needsSetup().get()) {
            return;
        }
        nav.getToggles().get(pages.indexOf(page)).setSelected(true);
        center.getChildren().forEach(n -> visible(n, n == page.root()));
        page.onShow().run();
    }

    /** Shows the page titled {@code title}. */
    public void show(String title) {
        pages.stream().filter(p -> p.title().equals(title)).findFirst().ifPresent(this::show);
    }

    public List<Page> pages() {
        return pages;
    }

    public Parent root() {
        return root;
    }
}
