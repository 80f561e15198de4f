package app.medianest.loadtest;

import app.medianest.loadtest.cli.CliOptions;
import app.medianest.loadtest.cli.CliParser;
import app.medianest.loadtest.cli.CliRunner;
import app.medianest.loadtest.cli.QuietJit;
import app.medianest.loadtest.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        Optional<List<String>> child = QuietJit.command(think(args, System.getenv()),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), Path.of(System.getProperty("java.home")),
                System.getProperty("java.class.path"), Main.class.getName(), args, System.getenv());
        if (child.isPresent()) {
            try {
                System.exit(QuietJit.run(child.get()));
            } catch (IOException e) {
                System.err.println("running on the JVM as started: cannot start a JVM with " + QuietJit.OPTION
                        + " (" + e.getMessage() + ")");
            }
        }
        QuietJit.followParent();   // a child whose parent was killed outright does not run on
        System.exit(run(args, System.out, System.err, System.getenv(), true));
    }

    /** The think time the arguments ask for; empty for help or arguments that do not parse. */
    static Optional<Duration> think(String[] args, Map<String, String> env) {
        if (CliParser.wantsHelp(args)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CliParser(env).parse(args).config().thinkTime());
        } catch (UsageException | RuntimeException e) {
            return Optional.empty();
        }
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
