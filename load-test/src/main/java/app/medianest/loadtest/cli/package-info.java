/**
 * The command-line front end: option parsing into a {@link app.medianest.loadtest.cli.CliOptions}, the run with
 * live one-line-per-second progress, report writing, the summary and the exit code. These classes write to the
 * streams they are given; only {@link app.medianest.loadtest.Main} touches {@code System.out}.
 */
package app.medianest.loadtest.cli;
