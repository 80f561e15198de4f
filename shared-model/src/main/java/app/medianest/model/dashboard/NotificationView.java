package app.medianest.model.dashboard;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One notification of the signed-in user.
 *
 * @param id        notification id
 * @param type      what happened, e.g. {@code request.approved} or {@code request.created} (admins)
 * @param title     short headline
 * @param message   one sentence for people
 * @param data      machine-readable context, e.g. {@code requestId}, {@code mediaType}, {@code tmdbId}
 * @param read      whether it was marked read
 * @param readAt    when it was marked read, or null
 * @param createdAt when it was created
 */
public record NotificationView(UUID id, String type, String title, String message, Map<String, Object> data,
                               boolean read, Instant readAt, Instant createdAt) {
}
