package app.medianest.server.overseerr;

import app.medianest.model.MediaType;
import app.medianest.server.db.Jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which titles already have an active MediaNest request: one indexed query over the unique active key. */
final class LocalRequests {
    private final Jdbc jdbc;

    LocalRequests(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The {@code type:tmdbId} keys among {@code keys} that have an active request. */
    Set<String> active(List<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        String marks = String.join(", ", Collections.nCopies(keys.size(), "?"));
        return new HashSet<>(jdbc.query("SELECT active_media FROM media_requests WHERE active_media IN (" + marks + ")",
                r -> r.string("active_media"), new ArrayList<Object>(keys).toArray()));
    }

    static String key(MediaType type, int tmdbId) {
        return type.wire() + ":" + tmdbId;
    }
}
