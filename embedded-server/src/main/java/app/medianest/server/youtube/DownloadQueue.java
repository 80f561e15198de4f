package app.medianest.server.youtube;

import app.medianest.model.DownloadStatus;
import app.medianest.server.services.ServiceConfig;
import app.medianest.server.upstream.UpstreamException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The download workers: at most {@code concurrency} downloads run at once, each claimed from the persisted queue
 * (oldest first), run as yt-dlp subprocesses with progress reported as they go. Cancelling kills the process
 * tree. On shutdown running processes are stopped but their rows stay {@code downloading}, so {@link #start()} on
 * the next run queues them again.
 */
public final class DownloadQueue implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DownloadQueue.class.getName());
    private static final Duration LONGEST_DOWNLOAD = Duration.ofHours(12);

    private final DownloadRepository repo;
    private final YtDlp ytDlp;
    private final DownloadNotifier notifier;
    private final LibraryRefresher refresher;
    private final Function<UUID, String> userFolder;
    private final Clock clock;
    private final int concurrency;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("medianest-download-", 1).factory());
    private final Map<UUID, ProcessRun> running = new ConcurrentHashMap<>();
    private int active;
    private volatile boolean closing;

    /**
     * @param userFolder the folder name of a user's downloads (a safe file name)
     */
    public DownloadQueue(DownloadRepository repo, YtDlp ytDlp, DownloadEvents events, LibraryRefresher refresher,
                         Function<UUID, String> userFolder, Clock clock, int concurrency) {
        this.repo = repo;
        this.ytDlp = ytDlp;
        this.notifier = new DownloadNotifier(repo, events, clock);
        this.refresher = refresher;
        this.userFolder = userFolder;
        this.clock = clock;
        this.concurrency = concurrency;
    }

    /** Queues again what a previous run left downloading, then starts workers. */
    public void start() {
        int requeued = repo.requeueInterrupted(clock.instant());
        if (requeued > 0) {
            LOG.log(System.Logger.Level.INFO, "Queued {0} interrupted download(s) again", requeued);
        }
        dispatch();
    }

    /** Starts queued downloads while workers are free (called on submit, on finish and periodically). */
    public synchronized void dispatch() {
        while (!closing && active < concurrency) {
            Optional<DownloadRow> next = repo.claimNext(clock.instant());
            if (next.isEmpty()) {
                return;
            }
            active++;
            DownloadRow row = next.get();
            publish(row.id());
            workers.execute(() -> run(row));
        }
    }

    /** Stops the subprocess of a running download (its row was already marked cancelled). */
    void stop(UUID downloadId) {
        ProcessRun run = running.get(downloadId);
        if (run != null) {
            run.kill();
        }
    }

    /** Downloads running now. */
    public synchronized int running() {
        return active;
    }

    /** The process id of a running download's current yt-dlp process (for diagnostics and tests). */
    public Optional<Long> pid(UUID downloadId) {
        return Optional.ofNullable(running.get(downloadId)).map(ProcessRun::pid);
    }

    private void run(DownloadRow row) {
        try {
            download(row);
        } catch (UpstreamException | IOException e) {
            finishFailed(row, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Download " + row.id() + " failed unexpectedly", e);
            finishFailed(row, "internal error");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.remove(row.id());
            synchronized (this) {
                active--;
            }
            dispatch();
        }
    }

    private void download(DownloadRow row) throws IOException, InterruptedException {
        ServiceConfig c = ytDlp.config();
        Path dir = ytDlp.downloadDir(c).resolve(userFolder.apply(row.userId()));
        Files.createDirectories(dir);
        YoutubeUrl url = row.target();
        YtDlp.Info info = ytDlp.info(c, url, run -> running.put(row.id(), run));
        if (info.metadata().title() != null) {
            repo.title(row.id(), info.metadata().title());
            publish(row.id());
        }
        if (stopped(row)) {
            return;
        }
        int items = url.playlist() ? Math.max(1, info.videoIds().size()) : 1;
        ProgressParser parser = new ProgressParser(items, ProgressParser.MERGED);
        DownloadNotifier.Progress progress = notifier.progressOf(row);
        ProcessRun run = ProcessRun.start(ytDlp.downloadArgs(c, url, dir, row.quality(), row.format()), line ->
                parser.line(line).ifPresent(progress::step));
        running.put(row.id(), run);
        if (stopped(row)) {
            run.kill();
        }
        int code = run.waitFor(LONGEST_DOWNLOAD);
        if (run.killed() || closing) {
            if (!closing) {
                YtDlp.removePartials(dir, info.videoIds());
            }
            return;
        }
        List<Path> files = parser.files();
        if (code != 0 || files.isEmpty()) {
            throw YtDlp.failure(code, run);
        }
        List<String> names = files.stream().map(f -> f.startsWith(dir) ? dir.relativize(f).toString()
                : f.getFileName().toString()).toList();
        if (repo.complete(row.id(), names, clock.instant())) {
            publish(row.id());
            refresher.refresh(dir, c.setting("plexSectionKey").orElse(null));
        }
    }

    private boolean stopped(DownloadRow row) {
        return closing || repo.find(row.id()).map(r -> r.status() != DownloadStatus.DOWNLOADING).orElse(true);
    }

    private void finishFailed(DownloadRow row, String error) {
        if (closing) {
            return;
        }
        if (repo.fail(row.id(), error == null ? "download failed" : error, clock.instant())) {
            LOG.log(System.Logger.Level.INFO, "Download {0} failed: {1}", row.id(), error);
            publish(row.id());
        }
    }

    /** Announces the row's current state. */
    void publish(UUID id) {
        notifier.statusChanged(id);
    }

    /** Stops every running download's process; their rows stay downloading and are queued again at next start. */
    @Override
    public void close() {
        closing = true;
        running.values().forEach(ProcessRun::kill);
        workers.shutdown();
        // Never shutdownNow(): a worker interrupted inside H2's file I/O would close the database.
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Download workers still busy after 2 s; not waiting longer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
