/** Command-line tools over the real console: the smoothness/memory measurement and the screenshots. */
package app.medianest.console.tools;
