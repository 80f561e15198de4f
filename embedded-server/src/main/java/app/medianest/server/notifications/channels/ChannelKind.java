package app.medianest.server.notifications.channels;

import java.util.Locale;

/** The kinds of channel a notification can leave MediaNest by; one of each can be configured. */
public enum ChannelKind {
    EMAIL, WEBHOOK, NTFY, DISCORD;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; {@link IllegalArgumentException} names the bad value. */
    public static ChannelKind parse(String s) {
        for (ChannelKind k : values()) {
            if (k.wire().equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + s + "' (email, webhook, ntfy, discord)");
    }
}
