package app.medianest.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The headless server (or another command of its main) as a real child JVM, with captured output. */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on .*:(\\d+)");

    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    private final Thread outPump;
    private final Thread errPump;

    private ServerProcess(Process process) {
        this.process = process;
        outPump = pump(process.getInputStream(), stdout);
        errPump = pump(process.getErrorStream(), stderr);
    }

    /** Starts {@code app.medianest.server.Main args} with this test's class path and {@code env} added. */
    public static ServerProcess start(Map<String, String> env, String... args) {
        return start(List.of("-Xmx256m"), env, args);
    }

    /** Starts {@code app.medianest.server.Main args} with these JVM options (none: the JVM's defaults). */
    public static ServerProcess start(List<String> jvmOptions, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("app.medianest.server.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("MEDIANEST_"));
        pb.environment().putAll(env);
        try {
            return new ServerProcess(pb.start());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Thread pump(java.io.InputStream in, List<String> sink) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.add(line);
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
    }

    /** Waits for the "listening on host:port" line and returns the port. */
    public int awaitPort(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : stdout) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + ": " + stderr + stdout);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server did not start in " + timeout + ": " + stdout + stderr);
    }

    /** Waits for exit and returns the exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not exit in " + timeout + ": " + stdout + stderr);
        }
        outPump.join(5_000);
        errPump.join(5_000);
        return process.exitValue();
    }

    public List<String> stdout() {
        return stdout;
    }

    public List<String> stderr() {
        return stderr;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM (through the process handle: {@code Process.destroy()} would also close our end of its pipes). */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: no shutdown hooks, no flushing. */
    public void kill9() {
        process.toHandle().destroyForcibly();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
