package app.medianest.model.youtube;

import app.medianest.model.DownloadStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A queued, running or finished YouTube download.
 *
 * @param id          download id
 * @param url         the submitted URL
 * @param videoId     the video, or {@code null} for a playlist
 * @param playlistId  the playlist, or {@code null} for a single video
 * @param title       title once known (after the download started), else {@code null}
 * @param quality     requested quality
 * @param format      container format
 * @param status      queued, downloading, completed, failed or cancelled
 * @param progress    0-100
 * @param files       names of the produced files, relative to the user's download folder
 * @param error       why it failed, or {@code null}
 * @param createdAt   when it was queued
 * @param startedAt   when the current attempt started, or {@code null}
 * @param completedAt when it finished (any final status), or {@code null}
 */
public record DownloadView(UUID id, String url, String videoId, String playlistId, String title, String quality,
                           String format, DownloadStatus status, int progress, List<String> files, String error,
                           Instant createdAt, Instant startedAt, Instant completedAt) {
    /** Copies the file list. */
    public DownloadView {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
