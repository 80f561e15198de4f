/**
 * The MediaNest operations console: the launcher, the composition root and the JavaFX application. Each view
 * lives in its own package with a view model that holds no scene-graph class.
 */
package app.medianest.console;
