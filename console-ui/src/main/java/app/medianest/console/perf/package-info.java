/** Measuring the console itself: FX-thread stalls and resident memory. */
package app.medianest.console.perf;
