package app.medianest.server.notifications.channels;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One message on its way out through one channel.
 *
 * @param id        the outbox row (webhook receivers can use it to drop a repeat)
 * @param userId    the person it is for (null for none)
 * @param username  their user name (null for none)
 * @param recipient the email address (email only)
 * @param severity  {@code info} or {@code critical} (ntfy priority, Discord colour)
 */
public record Outgoing(long id, ChannelKind channel, String event, UUID userId, String username, String recipient,
                       String title, String message, Map<String, Object> data, String severity, Instant createdAt) {
}
