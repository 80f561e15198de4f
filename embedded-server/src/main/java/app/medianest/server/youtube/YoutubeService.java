package app.medianest.server.youtube;

import app.medianest.model.DownloadStatus;
import app.medianest.model.youtube.DownloadView;
import app.medianest.model.youtube.VideoMetadata;
import app.medianest.server.http.Principal;
import app.medianest.server.db.DataAccessException;
import app.medianest.server.db.Jdbc;
import app.medianest.server.db.Page;
import app.medianest.server.http.ApiException;
import app.medianest.server.resilience.UpstreamGuard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The rules of YouTube downloads: at most {@code hourlyLimit} submissions per user per rolling hour (counted in
 * the database under a per-user lock, so concurrent submissions cannot slip past), one active download per user
 * and video, owners (or admins) only, and cancellation of queued or running downloads.
 */
public final class YoutubeService {
    private static final Duration WINDOW = Duration.ofHours(1);

    private final Jdbc jdbc;
    private final DownloadRepository repo;
    private final DownloadQueue queue;
    private final YtDlp ytDlp;
    private final UpstreamGuard guard;
    private final Clock clock;
    private final int hourlyLimit;

    public YoutubeService(Jdbc jdbc, DownloadRepository repo, DownloadQueue queue, YtDlp ytDlp, UpstreamGuard guard,
                          Clock clock, int hourlyLimit) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.queue = queue;
        this.ytDlp = ytDlp;
        this.guard = guard;
        this.clock = clock;
        this.hourlyLimit = hourlyLimit;
    }

    /**
     * Queues a download.
     *
     * @throws ApiException 409 ALREADY_QUEUED, 429 RATE_LIMITED with Retry-After, 503 when downloads are disabled
     */
    public DownloadView submit(UUID userId, YoutubeUrl url, String submitted, String quality, String format) {
        ytDlp.config();
        Instant now = clock.instant();
        DownloadRow row;
        try {
            row = jdbc.inTransaction(h -> {
                repo.lockUser(h, userId);
                DownloadRepository.Window w = repo.window(h, userId, now.minus(WINDOW));
                if (w.count() >= hourlyLimit) {
                    long wait = w.oldest() == null ? WINDOW.toSeconds()
                            : Duration.between(now, w.oldest().plus(WINDOW)).toSeconds() + 1;
                    throw ApiException.rateLimited(Math.max(1, wait), "At most " + hourlyLimit
                            + " downloads per hour; try again later");
                }
                return repo.insert(h, UUID.randomUUID(), userId, url, submitted, quality, format, now);
            });
        } catch (DataAccessException.ConstraintViolation e) {
            if (!e.isUnique()) {
                throw e;
            }
            throw ApiException.conflict("ALREADY_QUEUED", "You already have this " + (url.playlist() ? "playlist"
                    : "video") + " queued or downloading");
        }
        queue.dispatch();
        return row.view();
    }

    /** Downloads one person may queue per hour. */
    public int hourlyLimit() {
        return hourlyLimit;
    }

    public Page<DownloadView> list(UUID userId, DownloadStatus status, String cursor, int limit) {
        Page<DownloadRow> page = repo.list(userId, status, cursor, limit);
        return new Page<>(page.items().stream().map(DownloadRow::view).toList(), page.nextCursor());
    }

    /** One download, for its owner or an admin. */
    public DownloadView get(Principal caller, UUID id) {
        return visible(caller, id).view();
    }

    /**
     * Cancels a queued or running download (stopping its yt-dlp process).
     *
     * @throws ApiException 409 INVALID_STATE when it already finished
     */
    public DownloadView cancel(Principal caller, UUID id) {
        DownloadRow row = visible(caller, id);
        if (!repo.cancel(id, clock.instant())) {
            throw ApiException.conflict("INVALID_STATE", "The download is already " + repo.find(id)
                    .map(r -> r.status().wire()).orElse(row.status().wire()) + " and cannot be cancelled");
        }
        queue.stop(id);
        queue.publish(id);
        return repo.find(id).orElseThrow().view();
    }

    /** Title, channel, duration... of a video or playlist, read by yt-dlp (behind the youtube breaker). */
    public VideoMetadata metadata(YoutubeUrl url) {
        return guard.read(() -> ytDlp.info(ytDlp.config(), url, run -> { }).metadata());
    }

    private DownloadRow visible(Principal caller, UUID id) {
        DownloadRow row = repo.find(id).orElseThrow(() -> ApiException.notFound("DOWNLOAD_NOT_FOUND",
                "Download not found"));
        if (!caller.isAdmin() && !row.userId().equals(caller.userId())) {
            throw ApiException.forbidden("This download belongs to another user");
        }
        return row;
    }
}
