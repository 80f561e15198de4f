package app.medianest.console;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console's memory budget (console plus server under 350 MB resident) needs a small, low-pause heap; a
 * plain {@code java -jar} gets a quarter of the machine's memory instead. When started without a heap setting,
 * the launcher therefore replaces its own process with a JVM started with {@link #OPTIONS} on Linux and macOS
 * ({@link app.medianest.server.launch.TunedExec}: one process, no relay JVM); where that is not possible it runs
 * the console in a child JVM with {@link #OPTIONS} (and {@code MALLOC_ARENA_MAX=2}), passing its output through and stopping the child (cleanly, with SIGTERM) when it is stopped itself. An
 * explicit {@code -Xmx}, or {@code MEDIANEST_CONSOLE_JVM=as-is}, keeps the JVM as started.
 */
final class TunedJvm {
    /**
     * What the console runs with (the packaged launcher's options too): G1 with short pauses in a heap that starts at
     * 16 MB, grows to at most 112 MB and is given back when quiet (a requested collection is a concurrent cycle, so
     * giving it back never pauses the window), compact headers, native heap trimming, and JavaFX's software renderer
     * (its charts redraw once a second); see {@link #withoutGtkOpenGl()}.
     */
    static final List<String> OPTIONS = List.of("-XX:+UseG1GC", "-Xms16m", "-Xmx112m", "-XX:MaxGCPauseMillis=50",
            "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40", "-XX:+ExplicitGCInvokesConcurrent",
            "-XX:+UseCompactObjectHeaders", "-XX:TrimNativeHeapInterval=5000", "-XX:MaxMetaspaceSize=128m", "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError", "-Dprism.order=sw", "--enable-native-access=ALL-UNNAMED");
    private static final String MARK = "-Dmedianest.console.tuned=true";

    private TunedJvm() {
    }

    /**
     * With JavaFX's software renderer, nothing in the console draws with OpenGL, but GTK still loads the OpenGL
     * driver to choose its window visuals (with Mesa's software GL, LLVM included: about 50 MB resident). On Linux,
     * unless {@code GDK_GL} is set, this sets {@code GDK_GL=disable} in the process's environment, before the toolkit
     * starts; with any other renderer it does nothing.
     */
    static void withoutGtkOpenGl() {
        if (!"sw".equals(System.getProperty("prism.order")) || System.getenv("GDK_GL") != null
                || !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return;
        }
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT));
            try (Arena arena = Arena.ofConfined()) {
                int ignored = (int) setenv.invokeExact(arena.allocateFrom("GDK_GL"), arena.allocateFrom("disable"), 0);
            }
        } catch (Throwable e) {
            System.getLogger(TunedJvm.class.getName()).log(System.Logger.Level.DEBUG,
                    "GTK keeps loading OpenGL: cannot set GDK_GL (" + e + ")");
        }
    }

    /** The child's command line, or empty when this JVM should run the console itself. */
    static Optional<List<String>> relaunchCommand(String[] args) {
        List<String> input = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (input.contains(MARK) || input.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAM"))
                || "as-is".equals(System.getenv("MEDIANEST_CONSOLE_JVM"))) {
            return Optional.empty();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!java.toFile().canExecute()) {
            return Optional.empty(); // a runtime image without the java command (jlink --strip-native-commands)
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(OPTIONS);
        cmd.add(MARK);
        input.stream().filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).forEach(cmd::add);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /** Runs the console in the tuned child JVM; returns its exit code. */
    static int run(List<String> command) throws java.io.IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        Process child = pb.start();
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "medianest-console-child-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
            // We are being stopped ourselves: the hook is already stopping the child.
        }
        return code;
    }
}
