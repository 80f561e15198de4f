/** First-run setup: the setup token and the form that creates the first admin. */
package app.medianest.console.setup;
