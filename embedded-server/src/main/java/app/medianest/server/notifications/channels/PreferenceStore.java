package app.medianest.server.notifications.channels;

import app.medianest.server.db.Handle;
import app.medianest.server.db.Jdbc;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code notification_preferences}: per user, which events go to which channel. A user who never saved any gets
 * the defaults: by email, every event they may choose; nothing on the other channels.
 */
public final class PreferenceStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;
    private final Clock clock;

    public PreferenceStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The defaults for someone who never chose. */
    public static Map<ChannelKind, Set<NotificationEvent>> defaults(boolean admin) {
        Map<ChannelKind, Set<NotificationEvent>> m = new EnumMap<>(ChannelKind.class);
        for (ChannelKind k : ChannelKind.values()) {
            m.put(k, EnumSet.noneOf(NotificationEvent.class));
        }
        m.get(ChannelKind.EMAIL).addAll(NotificationEvent.choosable(admin));
        return m;
    }

    public Map<ChannelKind, Set<NotificationEvent>> get(UUID userId, boolean admin) {
        return jdbc.withHandle(h -> get(h, userId, admin));
    }

    public Map<ChannelKind, Set<NotificationEvent>> get(Handle h, UUID userId, boolean admin) {
        return h.queryOne("SELECT settings FROM notification_preferences WHERE user_id = ?",
                r -> r.string("settings"), userId).map(json -> parse(json, admin)).orElseGet(() -> defaults(admin));
    }

    public void save(Handle h, UUID userId, Map<ChannelKind, Set<NotificationEvent>> prefs) {
        ObjectNode n = JSON.createObjectNode();
        prefs.forEach((k, events) -> {
            var a = n.putArray(k.wire());
            events.forEach(e -> a.add(e.wire()));
        });
        h.update(jdbc.dialect().upsert("notification_preferences", "user_id", "user_id", "settings", "updated_at"),
                userId, n.toString(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private static Map<ChannelKind, Set<NotificationEvent>> parse(String json, boolean admin) {
        Map<ChannelKind, Set<NotificationEvent>> m = new EnumMap<>(ChannelKind.class);
        for (ChannelKind k : ChannelKind.values()) {
            m.put(k, EnumSet.noneOf(NotificationEvent.class));
        }
        try {
            JsonNode n = JSON.readTree(json);
            for (ChannelKind k : ChannelKind.values()) {
                for (JsonNode e : n.path(k.wire())) {
                    NotificationEvent.parse(e.asText()).filter(ev -> admin || !ev.adminOnly())
                            .ifPresent(m.get(k)::add);
                }
            }
        } catch (JsonProcessingException e) {
            return defaults(admin);
        }
        return m;
    }
}
