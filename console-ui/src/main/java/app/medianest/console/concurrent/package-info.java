/** Threading for the console: background work, the hop onto the FX thread, and the one polling thread. */
package app.medianest.console.concurrent;
