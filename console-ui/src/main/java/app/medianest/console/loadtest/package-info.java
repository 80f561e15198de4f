/** Runs the load-test engine against the embedded server with live charts and the report. */
package app.medianest.console.loadtest;
