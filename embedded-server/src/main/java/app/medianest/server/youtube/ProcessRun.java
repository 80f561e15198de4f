package app.medianest.server.youtube;

import app.medianest.server.upstream.UpstreamException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One yt-dlp subprocess: arguments passed as an argv list (never through a shell), stdin closed, stderr collected
 * on its own thread (its last {@code ERROR:} line is the failure reason), and {@link #kill()} which stops the
 * process and everything it started.
 */
final class ProcessRun implements AutoCloseable {
    private static final int KEPT_ERRORS = 20;

    private final Process process;
    private final Deque<String> errors = new ArrayDeque<>();
    private final Thread stdoutPump;
    private final Thread stderrPump;
    private volatile boolean killed;

    private ProcessRun(Process process, Consumer<String> stdout) {
        this.process = process;
        this.stdoutPump = Thread.ofVirtual().name("yt-dlp-stdout-" + process.pid()).start(() -> pumpOut(stdout));
        this.stderrPump = Thread.ofVirtual().name("yt-dlp-stderr-" + process.pid()).start(this::pumpErrors);
    }

    /**
     * Starts {@code argv}, handing each stdout line to {@code stdout} on a reader thread; a missing or unusable
     * executable is an {@code UNREACHABLE} upstream failure.
     */
    static ProcessRun start(List<String> argv, Consumer<String> stdout) {
        try {
            Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            return new ProcessRun(p, stdout);
        } catch (IOException e) {
            throw new UpstreamException("youtube", UpstreamException.Kind.UNREACHABLE, 0,
                    "yt-dlp cannot be started (" + argv.getFirst() + ")", e);
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits for the exit code, after which every stdout line has been handed on; on timeout the process is killed
     * and -1 returned.
     */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            return -1;
        }
        stdoutPump.join(Duration.ofSeconds(5));
        stderrPump.join(Duration.ofSeconds(2));
        return process.exitValue();
    }

    /** Whether {@link #kill()} was called. */
    boolean killed() {
        return killed;
    }

    /** The last {@code ERROR:} line on stderr, without the prefix, or {@code null}. */
    synchronized String lastError() {
        return errors.isEmpty() ? null : errors.getLast().replaceFirst("^ERROR:\\s*", "");
    }

    /**
     * Stops the process tree: SIGTERM to the process and its descendants (collected first, as they are re-parented
     * once it dies), then SIGKILL to whatever still runs after a grace period.
     */
    void kill() {
        killed = true;
        List<ProcessHandle> tree = process.toHandle().descendants().toList();
        process.toHandle().destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.toHandle().destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.toHandle().destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void pumpOut(Consumer<String> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                sink.accept(line);
            }
        } catch (IOException e) {
            // the process went away
        } catch (RuntimeException e) {
            System.getLogger(ProcessRun.class.getName()).log(System.Logger.Level.WARNING,
                    "yt-dlp output handler failed", e);
        }
    }

    private void pumpErrors() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("ERROR:")) {
                    synchronized (this) {
                        errors.addLast(line);
                        if (errors.size() > KEPT_ERRORS) {
                            errors.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the process went away
        }
    }
}
