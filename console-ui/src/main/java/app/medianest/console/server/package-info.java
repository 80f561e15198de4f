/** The console's ownership of the embedded server: lifecycle on a named thread, events to the UI, LAN address. */
package app.medianest.console.server;
