package app.medianest.server.launch;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Memory by default for a plain {@code java -jar}: a JVM started without a heap setting gets a quarter of the
 * machine's memory and keeps what it once used. When no {@code -Xmx} (nor {@code -XX:MaxRAM...}, an AOT option or
 * {@code MEDIANEST_JVM=as-is}) was given, the process replaces itself once, through the C library's
 * {@code execve}, with the same JVM, the same arguments and the given tuned options (plus
 * {@code MALLOC_ARENA_MAX=2}). It stays one process: the same process id, signals and exit code, no relay JVM
 * resident beside it. Where {@code execve} is not available (Windows, or native access refused) nothing happens
 * and the JVM runs as started.
 */
public final class TunedExec {
    /**
     * The headless server's options: a small serial heap (its live set is about 20-50 MB) that starts small, grows
     * with the load and is given back whole after a full collection ({@link IdleHeap} runs one once the server is
     * quiet), and a trimmed C heap.
     */
    public static final List<String> SERVER_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms8m", "-Xmx96m",
            "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40", "-XX:-ShrinkHeapInSteps", "-Xss512k",
            "-XX:MaxMetaspaceSize=96m", "-XX:+UseCompactObjectHeaders", "-XX:TrimNativeHeapInterval=5000",
            "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED");
    /** Set on the tuned JVM's command line, so it never replaces itself twice. */
    public static final String MARK = "-Dmedianest.jvm.tuned=true";
    /** {@code MEDIANEST_JVM=as-is} keeps the JVM as started. */
    public static final String ENV = "MEDIANEST_JVM";

    private static final System.Logger LOG = System.getLogger(TunedExec.class.getName());

    private TunedExec() {
    }

    /**
     * The tuned command line, or empty when this JVM keeps running as started.
     *
     * @param options    the tuned JVM options
     * @param inputArgs  this JVM's own options ({@code RuntimeMXBean.getInputArguments()})
     * @param javaHome   this JVM's home
     * @param classPath  this JVM's class path
     * @param mainClass  the main class to run
     * @param args       the program arguments
     * @param env        the environment
     * @return the command line of the replacement
     */
    public static Optional<List<String>> command(List<String> options, List<String> inputArgs, Path javaHome,
                                                 String classPath, String mainClass, String[] args,
                                                 Map<String, String> env) {
        if ("as-is".equalsIgnoreCase(env.getOrDefault(ENV, "")) || inputArgs.stream().anyMatch(TunedExec::sized)) {
            return Optional.empty();
        }
        Path java = javaHome.resolve("bin").resolve("java");
        if (!Files.isExecutable(java) || classPath == null || classPath.isBlank()) {
            return Optional.empty(); // a runtime image without the java command, or no class path to pass on
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(options);
        cmd.add(MARK);
        String toolOptions = env.getOrDefault("JAVA_TOOL_OPTIONS", "");
        inputArgs.stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !toolOptions.contains(a))
                .forEach(cmd::add);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /** An option that already sizes the heap, marks the tuned JVM, or records/uses an AOT cache. */
    private static boolean sized(String arg) {
        return arg.startsWith("-Xmx") || arg.startsWith("-XX:MaxHeapSize") || arg.startsWith("-XX:MaxRAM")
                || arg.startsWith("-XX:AOT") || arg.equals(MARK);
    }

    /**
     * Replaces this process with the tuned JVM when {@link #command} says so; returns only when it does not (or
     * the replacement failed, which is logged).
     *
     * @param options   the tuned JVM options
     * @param mainClass the main class to run again
     * @param args      the program arguments
     */
    public static void execIfUntuned(List<String> options, Class<?> mainClass, String[] args) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") && !os.contains("mac")) {
            return;
        }
        Optional<List<String>> cmd = command(options, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Path.of(System.getProperty("java.home")), System.getProperty("java.class.path"),
                mainClass.getName(), args, System.getenv());
        if (cmd.isEmpty()) {
            return;
        }
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
        try {
            exec(cmd.get(), env, os.contains("linux"));
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.WARNING, "Running with the JVM's default memory settings: cannot restart "
                    + "with " + String.join(" ", options) + " (" + e + "); set -Xmx yourself to bound memory");
        }
    }

    /** {@code execve(2)}: returns only on failure. Called before anything was written to the console. */
    private static void exec(List<String> cmd, Map<String, String> env, boolean linux) throws Throwable {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        MethodHandle execve = linker.downcallHandle(libc.find("execve").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS));
        MethodHandle sigprocmask = linker.downcallHandle(libc.find("sigprocmask").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS));
        int sigSetmask = linux ? 2 : 3;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment argv = strings(arena, cmd);
            MemorySegment envp = strings(arena, env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toList());
            if (linux) {
                closeOnExec(linker, libc);
            }
            // The JVM blocks some signals (SIGQUIT) in this thread; a new process inherits the mask.
            MemorySegment empty = arena.allocate(128);
            MemorySegment saved = arena.allocate(128);
            int ignored = (int) sigprocmask.invokeExact(sigSetmask, empty, saved);
            int rc = (int) execve.invokeExact(arena.allocateFrom(cmd.getFirst()), argv, envp);
            int restored = (int) sigprocmask.invokeExact(sigSetmask, saved, MemorySegment.NULL);
            throw new IOException("execve failed (" + rc + ", " + ignored + ", " + restored + ")");
        }
    }

    private static MemorySegment strings(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(ValueLayout.ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }

    /** Files this JVM opened (its jars) are not handed to the new one: FD_CLOEXEC on every descriptor above 2. */
    private static void closeOnExec(Linker linker, SymbolLookup libc) throws Throwable {
        MethodHandle fcntl = linker.downcallHandle(libc.find("fcntl").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT), Linker.Option.firstVariadicArg(2));
        List<Integer> fds;
        try (Stream<Path> list = Files.list(Path.of("/proc/self/fd"))) {
            fds = list.map(p -> p.getFileName().toString()).filter(s -> s.chars().allMatch(Character::isDigit))
                    .map(Integer::parseInt).filter(fd -> fd > 2).toList();
        }
        for (int fd : fds) {
            int ignored = (int) fcntl.invokeExact(fd, 2 /* F_SETFD */, 1 /* FD_CLOEXEC */);
        }
    }
}
