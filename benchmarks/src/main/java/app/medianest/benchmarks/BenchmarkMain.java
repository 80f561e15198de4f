package app.medianest.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks (JMH's own command line: a regex selects benchmarks, {@code -f}, {@code -wi}, {@code -i},
 * {@code -rf json -rff FILE}, ...) and then prints one table: each benchmark's score and its ratio to
 * {@link Reference#hashToken} measured in the same run, which is added whenever a regex leaves it out.
 * {@code -h} and the listing options go straight to JMH.
 */
public final class BenchmarkMain {

    private static final String REFERENCE = Reference.class.getName() + ".hashToken";
    private static final Set<String> JMH_ONLY = Set.of("-h", "-l", "-lp", "-lrf", "-lprof", "-v");

    private BenchmarkMain() {
    }

    /**
     * Runs the benchmarks and prints the table.
     *
     * @param args JMH command-line options
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            if (JMH_ONLY.contains(arg)) {
                org.openjdk.jmh.Main.main(args);
                return;
            }
        }
        CommandLineOptions command;
        try {
            command = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.exit(2);
            return;
        }
        OptionsBuilder options = new OptionsBuilder();
        options.parent(command);
        if (!command.getIncludes().isEmpty()) {
            options.include(REFERENCE.replace(".", "\\.") + "$");
        }
        print(run(options.build()));
    }

    private static Collection<RunResult> run(Options options) throws RunnerException {
        return new Runner(options).run();
    }

    private static void print(Collection<RunResult> results) {
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(r -> r.getParams().getBenchmark()));
        double reference = sorted.stream().filter(r -> r.getParams().getBenchmark().equals(REFERENCE))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElse(Double.NaN);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s %16s %12s %14s%n", "benchmark", "score", "error (99.9%)",
                "x reference");
        for (RunResult run : sorted) {
            Result<?> result = run.getPrimaryResult();
            String name = run.getParams().getBenchmark().replace(BenchmarkMain.class.getPackageName() + ".", "");
            System.out.printf(Locale.ROOT, "%-34s %11.1f %-4s %12.1f %14.2f%n", name, result.getScore(),
                    result.getScoreUnit().replace("/op", ""), result.getScoreError(), result.getScore() / reference);
        }
        System.out.printf(Locale.ROOT, "reference: %s = SHA-256 of one session token, measured in this run%n",
                REFERENCE.replace(BenchmarkMain.class.getPackageName() + ".", ""));
    }
}
