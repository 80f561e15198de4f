package app.medianest.server.upstream;

import java.time.Instant;

/**
 * An upstream's circuit breaker changed state, e.g. {@code closed -> open} when the upstream started failing.
 *
 * @param upstream breaker name ({@code plex}, {@code overseerr}, {@code uptime-kuma}, {@code youtube},
 *                 {@code plex-tv})
 * @param from     previous state, lower case ({@code closed}, {@code open}, {@code half_open}, ...)
 * @param to       new state
 * @param at       when it happened
 */
public record BreakerTransition(String upstream, String from, String to, Instant at) {
    /** True when the upstream just became unusable (the breaker opened). */
    public boolean opened() {
        return "open".equals(to);
    }

    /** True when the upstream recovered (the breaker closed again). */
    public boolean closed() {
        return "closed".equals(to);
    }
}
