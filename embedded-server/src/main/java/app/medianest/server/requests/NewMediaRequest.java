package app.medianest.server.requests;

import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request row to insert (by the API with status pending, or by the seeder with any status). */
public record NewMediaRequest(UUID id, UUID userId, MediaType mediaType, int tmdbId, String title,
                              RequestStatus status, List<Integer> seasons, String declineReason, Instant createdAt) {
}
