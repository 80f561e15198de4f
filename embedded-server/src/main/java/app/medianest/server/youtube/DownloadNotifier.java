package app.medianest.server.youtube;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Records and announces a download's progress and status: progress is written and sent at most every 200 ms
 * (and always at 100 %), so a chatty yt-dlp cannot flood the database or the event stream.
 */
final class DownloadNotifier {
    private static final System.Logger LOG = System.getLogger(DownloadNotifier.class.getName());
    private static final long PROGRESS_INTERVAL_NANOS = Duration.ofMillis(200).toNanos();

    private final DownloadRepository repo;
    private final DownloadEvents events;
    private final Clock clock;

    DownloadNotifier(DownloadRepository repo, DownloadEvents events, Clock clock) {
        this.repo = repo;
        this.events = events;
        this.clock = clock;
    }

    /** A progress sink for one running download. */
    Progress progressOf(DownloadRow row) {
        return new Progress(row);
    }

    /** Announces the row's current state. */
    void statusChanged(UUID id) {
        repo.find(id).ifPresent(r -> {
            try {
                events.statusChanged(new DownloadChange(r.userId(), r.view()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A download status listener failed", e);
            }
        });
    }

    /** Throttled progress of one download; called from its stdout reader thread only. */
    final class Progress {
        private final DownloadRow row;
        private long lastNanos;
        private int lastPercent = -1;

        private Progress(DownloadRow row) {
            this.row = row;
        }

        void step(ProgressParser.Step step) {
            long now = System.nanoTime();
            if (step.percent() == lastPercent || now - lastNanos < PROGRESS_INTERVAL_NANOS && step.percent() < 100) {
                return;
            }
            lastNanos = now;
            lastPercent = step.percent();
            repo.progress(row.id(), step.percent(), clock.instant());
            try {
                events.progress(new DownloadProgress(row.id(), row.userId(), step.percent(), step.speed(),
                        step.eta()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A download progress listener failed", e);
            }
        }
    }
}
