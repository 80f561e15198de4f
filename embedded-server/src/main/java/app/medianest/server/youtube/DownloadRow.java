package app.medianest.server.youtube;

import app.medianest.model.DownloadStatus;
import app.medianest.model.youtube.DownloadView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A {@code youtube_downloads} row. */
record DownloadRow(UUID id, UUID userId, String url, String videoId, String playlistId, String title, String quality,
                   String format, DownloadStatus status, int progress, List<String> files, String error,
                   int attempts, Instant createdAt, Instant startedAt, Instant completedAt) {

    YoutubeUrl target() {
        return new YoutubeUrl(videoId, videoId == null ? playlistId : null);
    }

    DownloadView view() {
        return new DownloadView(id, url, videoId, playlistId, title, quality, format, status, progress, files, error,
                createdAt, startedAt, completedAt);
    }
}
