package app.medianest.loadtest.cli;

import app.medianest.loadtest.engine.ProgressListener;
import app.medianest.loadtest.engine.ProgressSnapshot;
import java.io.PrintStream;
import java.util.Locale;

/** Prints one line per progress snapshot, e.g. {@code [  12s] SUSTAIN   users 20/20  rps 41.0  p50 3.1ms ...}. */
public final class TerminalProgress implements ProgressListener {

    private final PrintStream out;
    private final int plannedUsers;

    /**
     * Creates the printer.
     *
     * @param out          where lines go
     * @param plannedUsers the configured number of users, shown beside the active ones
     */
    public TerminalProgress(PrintStream out, int plannedUsers) {
        this.out = out;
        this.plannedUsers = plannedUsers;
    }

    @Override
    public void onProgress(ProgressSnapshot s) {
        out.println(line(s, plannedUsers));
        out.flush();
    }

    /**
     * Formats one snapshot.
     *
     * @param s            the snapshot
     * @param plannedUsers the configured number of users
     * @return the line
     */
    public static String line(ProgressSnapshot s, int plannedUsers) {
        return String.format(Locale.ROOT,
                "[%5.0fs] %-9s users %3d/%-3d  rps %8.1f  p50 %8.2fms  p95 %8.2fms  p99 %8.2fms  errors %d (total %d)",
                s.elapsed().toMillis() / 1000.0, s.phase(), s.activeUsers(), plannedUsers, s.throughputRps(),
                s.responseTime().p50Ms(), s.responseTime().p95Ms(), s.responseTime().p99Ms(), s.intervalErrors(),
                s.totalErrors());
    }
}
