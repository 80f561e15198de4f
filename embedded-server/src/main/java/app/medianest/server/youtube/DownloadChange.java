package app.medianest.server.youtube;

import app.medianest.model.youtube.DownloadView;

import java.util.UUID;

/** A download changed status (queued, downloading, completed, failed, cancelled); sent to its owner. */
public record DownloadChange(UUID userId, DownloadView download) {
}
