/** Reusable widgets: the canvas threshold chart, status tiles, table helpers. */
package app.medianest.console.controls;
