package app.medianest.model.events;

import app.medianest.model.DownloadStatus;

import java.util.Objects;
import java.util.UUID;

/**
 * {@code download.progress}: a YouTube download advanced or changed state. Seen by its owner and by admins.
 *
 * @param downloadId the download
 * @param userId     its owner
 * @param status     its state
 * @param progress   0 to 100
 * @param title      the video or playlist title, may be null before metadata is known
 * @param error      why it failed, or null
 */
public record DownloadProgress(UUID downloadId, UUID userId, DownloadStatus status, int progress, String title,
                               String error) implements ServerEvent {
    public static final String TYPE = "download.progress";

    public DownloadProgress {
        Objects.requireNonNull(downloadId, "downloadId");
        Objects.requireNonNull(status, "status");
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress must be 0 to 100 (was " + progress + ")");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
