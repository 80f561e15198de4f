package app.medianest.console.shell;

import javafx.scene.Node;

/**
 * One view of the console as the navigation lists it.
 *
 * @param title  navigation label
 * @param root   the view's scene graph
 * @param onShow called each time the view is shown (refresh its data)
 */
public record Page(String title, Node root, Runnable onShow) {
}
