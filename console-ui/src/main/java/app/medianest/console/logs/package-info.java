/** Live tail of the server's log records from an in-memory java.util.logging handler. */
package app.medianest.console.logs;
