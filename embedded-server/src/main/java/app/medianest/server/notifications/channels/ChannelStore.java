package app.medianest.server.notifications.channels;

import app.medianest.server.auth.SecretBox;
import app.medianest.server.db.Jdbc;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code notification_channels}: the admin's channel configuration, secrets sealed with {@link SecretBox}, read
 * through an in-memory copy (the dispatcher consults it in every request transaction that notifies).
 */
public final class ChannelStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;
    private final SecretBox box;
    private final Clock clock;
    private volatile Map<ChannelKind, ChannelConfig> cache;

    public ChannelStore(Jdbc jdbc, SecretBox box, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.clock = clock;
        reload();
    }

    public ChannelConfig get(ChannelKind kind) {
        return cache.get(kind);
    }

    public List<ChannelConfig> all() {
        return List.copyOf(cache.values());
    }

    /**
     * Stores a channel. {@code secret}: null keeps the stored one, blank removes it, anything else replaces it.
     */
    public synchronized ChannelConfig save(ChannelKind kind, boolean enabled, boolean usersAllowed,
                                           Map<String, String> settings, String secret) {
        String sealed;
        if (secret == null) {
            sealed = jdbc.query("SELECT secret_enc FROM notification_channels WHERE name = ?",
                    r -> java.util.Optional.ofNullable(r.string("secret_enc")), kind.wire()).stream().findFirst()
                    .flatMap(o -> o).orElse(null);
        } else {
            sealed = secret.isBlank() ? null : box.encrypt(secret);
        }
        String json;
        try {
            json = JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        jdbc.update(jdbc.dialect().upsert("notification_channels", "name", "name", "enabled", "users_allowed",
                "settings", "secret_enc", "updated_at"), kind.wire(), enabled, usersAllowed, json, sealed,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        reload();
        return get(kind);
    }

    private void reload() {
        Map<ChannelKind, ChannelConfig> next = new EnumMap<>(ChannelKind.class);
        for (ChannelKind k : ChannelKind.values()) {
            next.put(k, ChannelConfig.unset(k));
        }
        jdbc.query("SELECT name, enabled, users_allowed, settings, secret_enc, updated_at FROM notification_channels",
                r -> new ChannelConfig(ChannelKind.parse(r.string("name")), r.bool("enabled"),
                        r.bool("users_allowed"), parse(r.string("settings")), open(r.string("secret_enc")),
                        r.instant("updated_at")))
                .forEach(c -> next.put(c.kind(), c));
        cache = next;
    }

    private String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            return box.decrypt(sealed);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, String> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
