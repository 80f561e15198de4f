package app.medianest.console.perf;

import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * Measures how long the FX thread takes to run a posted task: every {@code periodMillis} a probe thread posts a
 * task through {@code ui} (normally {@code Platform::runLater}) and records the time until it runs. A stall of
 * the FX thread shows up as one long delay. Samples are kept in a primitive array (no allocation per sample).
 */
public final class StallProbe implements AutoCloseable {
    private final Executor ui;
    private final long periodMillis;
    private final long[] delaysNanos;
    private volatile int count;
    private volatile boolean recording;
    private volatile boolean running = true;
    private final Thread thread;
    private static final long LONG_NANOS = 50_000_000;
    private final long[] longAt = new long[1_000];
    private final long[] longDelay = new long[1_000];
    private volatile int longCount;

    public StallProbe(Executor ui, long periodMillis, int maxSamples) {
        this.ui = ui;
        this.periodMillis = periodMillis;
        this.delaysNanos = new long[maxSamples];
        this.thread = Thread.ofPlatform().name("medianest-stall-probe").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            long posted = System.nanoTime();
            Object done = new Object();
            boolean[] ran = new boolean[1];
            ui.execute(() -> {
                long delay = System.nanoTime() - posted;
                if (recording && count < delaysNanos.length) {
                    delaysNanos[count++] = delay;
                    if (delay > LONG_NANOS && longCount < longAt.length) {
                        longAt[longCount] = posted;
                        longDelay[longCount++] = delay;
                    }
                }
                synchronized (done) {
                    ran[0] = true;
                    done.notifyAll();
                }
            });
            try {
                synchronized (done) {
                    while (!ran[0] && running) {
                        done.wait(1_000);
                    }
                }
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Starts or stops keeping samples (the warm-up is not kept). */
    public void recording(boolean on) {
        recording = on;
    }

    /** The kept delays over 50 ms: {@code [nanoTime posted, delay nanos]} pairs. */
    public long[][] longStalls() {
        int n = longCount;
        long[][] out = new long[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new long[] {longAt[i], longDelay[i]};
        }
        return out;
    }

    /** Summary of the kept samples. */
    public Summary summary() {
        int n = count;
        long[] s = Arrays.copyOf(delaysNanos, n);
        Arrays.sort(s);
        return new Summary(n, n == 0 ? 0 : s[n - 1] / 1e6, n == 0 ? 0 : s[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6,
                n == 0 ? 0 : s[n / 2] / 1e6);
    }

    /**
     * @param samples how many probes ran
     * @param maxMs   the longest delay
     * @param p99Ms   99th percentile delay
     * @param p50Ms   median delay
     */
    public record Summary(int samples, double maxMs, double p99Ms, double p50Ms) {
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
