package app.medianest.loadtest;

import app.medianest.loadtest.cli.CliOptions;
import app.medianest.loadtest.cli.CliParser;
import app.medianest.loadtest.cli.CliRunner;
import app.medianest.loadtest.cli.UsageException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Command-line entry point: {@code java -jar medianest-loadtest.jar --url http://localhost:8080 --preset quick}.
 * Exit codes: 0 passed, 1 verdict failed or regression beyond the tolerance, 2 bad usage. Ctrl-C stops the run
 * early and still writes the reports.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv(), true));
    }

    /**
     * Runs the command line without exiting, for tests and embedding.
     *
     * @param args the arguments
     * @param out  where progress, summary and help go
     * @param err  where errors go
     * @param env  the environment
     * @param hook whether to stop gracefully on JVM shutdown (Ctrl-C)
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, boolean hook) {
        if (CliParser.wantsHelp(args)) {
            out.print(CliParser.usage());
            return CliRunner.OK;
        }
        CliOptions options;
        try {
            options = new CliParser(env).parse(args);
        } catch (UsageException e) {
            err.println(e.getMessage());
            return CliRunner.USAGE;
        }
        CliRunner runner = new CliRunner(out, err);
        if (hook) {
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("medianest-loadtest-shutdown").unstarted(
                    () -> stopAndWait(runner)));
        }
        try {
            return runner.run(options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return CliRunner.FAILED;
        }
    }

    private static void stopAndWait(CliRunner runner) {
        runner.stop();
        try {
            runner.awaitFinished(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
