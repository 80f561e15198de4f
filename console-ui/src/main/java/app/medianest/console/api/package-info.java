/** The console's client for its own server's HTTP API (the same API the family's devices use). */
package app.medianest.console.api;
