package app.medianest.loadtest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a run with think time on the JVM's quick compiler only ({@code -XX:TieredStopAtLevel=1}), in a child JVM
 * the command line starts with the same class path, options and arguments.
 *
 * <p>Why: with think time the generator is idle most of the time and its code gets hot slowly, so HotSpot's
 * optimising compiler (C2) is still compiling it minutes into a run, each compilation some milliseconds of CPU on
 * a machine whose cores the server shares. A response that arrives while a compiler thread has the core waits for
 * it, and that wait lands in the p95 and p99 the run reports (20 users with 1 s think time on {@code /health},
 * 60 s: p95 / p99 1.85 / 5.8-7.3 ms on the default JVM, 1.0-1.2 / 2.1-3.8 ms on the quick compiler only, wrk
 * 1.73 / 2.93 ms in the same minutes). At saturation the optimised code is worth more (about 8 % of the
 * generator's throughput) and it is compiled within the warm-up, so runs without think time keep the default.
 * {@code MEDIANEST_LOADTEST_JVM=as-is}, or any {@code TieredStopAtLevel}, {@code TieredCompilation} or
 * {@code -Xint} option given to the JVM, keeps the JVM as started.
 */
public final class QuietJit {
    /** The option the child runs with. */
    public static final String OPTION = "-XX:TieredStopAtLevel=1";
    /** The system property set in the child. */
    private static final String PROPERTY = "medianest.loadtest.quiet-jit";
    /** Set on the child's command line so it never starts another. */
    public static final String MARK = "-D" + PROPERTY + "=true";
    /** {@code MEDIANEST_LOADTEST_JVM=as-is} keeps the JVM as started. */
    public static final String ENV = "MEDIANEST_LOADTEST_JVM";

    private QuietJit() {
    }

    /**
     * The child's command line, or empty when this JVM runs the load itself.
     *
     * @param think     the run's think time (empty when the arguments do not parse: the run reports that itself)
     * @param inputArgs this JVM's own options ({@code RuntimeMXBean.getInputArguments()})
     * @param javaHome  this JVM's home
     * @param classPath this JVM's class path
     * @param mainClass the main class to run
     * @param args      the program arguments
     * @param env       the environment
     * @return the command line of the child JVM
     */
    public static Optional<List<String>> command(Optional<Duration> think, List<String> inputArgs, Path javaHome,
                                                 String classPath, String mainClass, String[] args,
                                                 Map<String, String> env) {
        if (think.isEmpty() || think.get().isZero() || "as-is".equalsIgnoreCase(env.getOrDefault(ENV, ""))
                || inputArgs.stream().anyMatch(QuietJit::chosen)) {
            return Optional.empty();
        }
        Path java = javaHome.resolve("bin").resolve("java");
        if (!Files.isExecutable(java) || classPath == null || classPath.isBlank()) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add(OPTION);
        cmd.add(MARK);
        String toolOptions = env.getOrDefault("JAVA_TOOL_OPTIONS", "") + " " + env.getOrDefault("JDK_JAVA_OPTIONS", "");
        inputArgs.stream().filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")
                && !toolOptions.contains(a)).forEach(cmd::add);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /** Whether this JVM is the child, running on the quick compiler. */
    public static boolean active() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** In the child: stops this JVM (its shutdown hook still writes the reports) once the parent is gone. */
    public static void followParent() {
        if (active()) {
            ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> System.exit(CliRunner.FAILED)));
        }
    }

    /** An option that already chose how the JVM compiles, or marks the child. */
    private static boolean chosen(String arg) {
        return arg.contains("TieredStopAtLevel") || arg.contains("TieredCompilation") || arg.equals("-Xint")
                || arg.equals(MARK);
    }

    /**
     * Runs the child with this process's standard streams and returns its exit code. Ctrl-C reaches both
     * processes (the child writes its reports); a signal to this process alone is passed on, and this process
     * waits up to 20 s for the child to finish.
     *
     * @param cmd the child's command line
     * @return the child's exit code
     * @throws java.io.IOException when the child cannot start
     */
    public static int run(List<String> cmd) throws java.io.IOException {
        Process child = new ProcessBuilder(cmd).inheritIO().start();
        Thread relay = Thread.ofPlatform().name("medianest-loadtest-relay").unstarted(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(relay);
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return CliRunner.FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(relay);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs
            }
        }
    }
}
