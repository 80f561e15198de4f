package app.medianest.server.settings;

import app.medianest.server.db.Jdbc;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Runtime settings persisted in {@code app_settings} (feature flags, Plex sign-up switch, install id), read-through cached. */
public final class AppSettings {
    /** Whether Plex accounts unknown to MediaNest may sign in (and get role user). */
    public static final String PLEX_NEW_USERS = "plex.new-users-allowed";
    /** This install's stable plex.tv client identifier. */
    public static final String PLEX_CLIENT_ID = "plex.client-id";

    private final Jdbc jdbc;
    private final Clock clock;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public AppSettings(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        cache.putAll(jdbc.query("SELECT name, setting_value FROM app_settings", r -> Map.entry(r.string("name"),
                r.string("setting_value"))).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(cache.get(name));
    }

    public boolean flag(String name, boolean fallback) {
        return get(name).map(Boolean::parseBoolean).orElse(fallback);
    }

    public synchronized void put(String name, String value) {
        jdbc.inTransaction(h -> h.update(jdbc.dialect().upsert("app_settings", "name", "name", "setting_value",
                "updated_at"), name, value, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        cache.put(name, value);
    }

    /** The value, created with {@code initial} and persisted on first use. */
    public synchronized String getOrCreate(String name, java.util.function.Supplier<String> initial) {
        return get(name).orElseGet(() -> {
            String v = initial.get();
            put(name, v);
            return v;
        });
    }

    public Map<String, String> all() {
        return Map.copyOf(cache);
    }
}
