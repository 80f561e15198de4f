package app.medianest.server.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A notification to store.
 *
 * @param userId    recipient
 * @param type      e.g. {@code request.approved}
 * @param title     headline (up to 255 characters)
 * @param message   sentence (up to 2,000 characters)
 * @param data      flat machine-readable context, stored as a JSON object
 * @param createdAt when
 */
public record NewNotification(UUID userId, String type, String title, String message, Map<String, Object> data,
                              Instant createdAt) {
}
