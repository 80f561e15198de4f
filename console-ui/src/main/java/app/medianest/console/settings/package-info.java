/** Server settings (listener, database) saved to the data directory's medianest.yaml, and restart. */
package app.medianest.console.settings;
