package app.medianest.server.youtube;

import java.util.UUID;

/**
 * A running download moved on (SSE {@code download.progress}, to its owner).
 *
 * @param downloadId the download
 * @param userId     its owner
 * @param progress   0-100 over the whole download (all videos of a playlist)
 * @param speed      yt-dlp's speed text such as {@code 1.46MiB/s}, or {@code null}
 * @param eta        yt-dlp's ETA text such as {@code 00:02}, or {@code null}
 */
public record DownloadProgress(UUID downloadId, UUID userId, int progress, String speed, String eta) {
}
