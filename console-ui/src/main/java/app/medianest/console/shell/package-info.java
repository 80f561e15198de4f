/** The window frame: navigation, the server status bar, and the switch between setup and the views. */
package app.medianest.console.shell;
