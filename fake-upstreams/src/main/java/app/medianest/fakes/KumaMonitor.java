package app.medianest.fakes;

import java.util.Objects;

/**
 * A monitor of the fake Uptime Kuma, shown on its status page and in {@code /metrics}.
 *
 * @param id   monitor id (map keys in the heartbeat JSON are this id as a string)
 * @param name monitor name, e.g. {@code plex}
 * @param type monitor type, e.g. {@code http}
 * @param url  the checked URL
 */
public record KumaMonitor(int id, String name, String type, String url) {

    /** Validates. */
    public KumaMonitor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
