package app.medianest.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A media request as clients see it. {@code userId}/{@code username} are null once the owner was deleted. */
public record MediaRequestView(
        UUID id,
        UUID userId,
        String username,
        MediaType mediaType,
        int tmdbId,
        String title,
        RequestStatus status,
        List<Integer> seasons,
        String declineReason,
        Instant createdAt,
        Instant updatedAt) {
}
