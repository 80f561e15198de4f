package app.medianest.server.notifications.channels;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One channel's configuration. {@code secret} is the decrypted secret (SMTP password, webhook signing secret,
 * ntfy access token, Discord webhook URL): it never leaves the server.
 */
public record ChannelConfig(ChannelKind kind, boolean enabled, boolean usersAllowed, Map<String, String> settings,
                            String secret, Instant updatedAt) {
    public ChannelConfig {
        settings = Map.copyOf(settings);
    }

    public static ChannelConfig unset(ChannelKind kind) {
        return new ChannelConfig(kind, false, false, Map.of(), null, null);
    }

    public Optional<String> setting(String name) {
        String v = settings.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** Whether non-admin users may choose this channel: email always, the others as the admin allows. */
    public boolean openToUsers() {
        return kind == ChannelKind.EMAIL || usersAllowed;
    }

    @Override
    public String toString() {
        return "ChannelConfig[" + kind.wire() + ", enabled=" + enabled + ", settings=" + settings + ", secret="
                + (secret == null ? "none" : "set") + "]";
    }
}
