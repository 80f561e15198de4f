package app.medianest.server.flags;

import app.medianest.model.perf.FeatureFlag;
import app.medianest.server.settings.AppSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The runtime switches of the server's optimizations. Components {@link #define} each flag once at start
 * (the persisted value in {@code app_settings} under {@code feature.<name>} wins over the default) and read
 * it on hot paths through the returned {@link Flag} (one volatile read), or react to changes with
 * {@link Flag#onChange}. Admins flip flags with {@link #set}; a change is persisted before it takes effect.
 */
public final class FeatureFlags {
    /** HTTP response caches (serialized JSON with ETag) of cacheable GET routes. */
    public static final String RESPONSE_CACHE = "response-cache";
    /** The token cache in front of session and API-key lookups. */
    public static final String SESSION_CACHE = "session-cache";
    /** Read-through data caches (dashboard stats, Plex and service data). */
    public static final String DATA_CACHE = "data-cache";
    /** Last-good-answer fallback when an upstream fails or its breaker is open. */
    public static final String STALE_FALLBACK = "stale-fallback";
    /** Per-route request timers. */
    public static final String ROUTE_METRICS = "route-metrics";
    /** Per-statement SQL timers (slow-query detection stays on). */
    public static final String QUERY_METRICS = "query-metrics";

    private static final String KEY_PREFIX = "feature.";

    private final AppSettings settings;
    private final Map<String, Flag> flags = new LinkedHashMap<>();

    public FeatureFlags(AppSettings settings) {
        this.settings = settings;
    }

    /** One flag: read {@link #on()} on hot paths. */
    public static final class Flag {
        private final String name;
        private final String description;
        private final boolean defaultOn;
        private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
        private volatile boolean on;

        private Flag(String name, String description, boolean defaultOn, boolean on) {
            this.name = name;
            this.description = description;
            this.defaultOn = defaultOn;
            this.on = on;
        }

        public String name() {
            return name;
        }

        public boolean on() {
            return on;
        }

        /** Calls {@code listener} now with the current value and again on every change. */
        public Flag onChange(Consumer<Boolean> listener) {
            listeners.add(listener);
            listener.accept(on);
            return this;
        }

        private void apply(boolean value) {
            if (value != on) {
                on = value;
                listeners.forEach(l -> l.accept(value));
            }
        }

        FeatureFlag view() {
            return new FeatureFlag(name, on, defaultOn, description);
        }
    }

    /** Defines a flag; its persisted value, if any, wins over {@code defaultOn}. */
    public synchronized Flag define(String name, String description, boolean defaultOn) {
        if (flags.containsKey(name)) {
            throw new IllegalStateException("feature flag defined twice: " + name);
        }
        boolean on = settings.flag(KEY_PREFIX + name, defaultOn);
        Flag f = new Flag(name, description, defaultOn, on);
        flags.put(name, f);
        return f;
    }

    /** A defined flag. */
    public synchronized Flag flag(String name) {
        Flag f = flags.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no feature flag '" + name + "'");
        }
        return f;
    }

    public synchronized boolean exists(String name) {
        return flags.containsKey(name);
    }

    /** Every flag, in definition order. */
    public synchronized List<FeatureFlag> list() {
        List<FeatureFlag> out = new ArrayList<>();
        flags.values().forEach(f -> out.add(f.view()));
        return out;
    }

    /**
     * Switches flags: every name must exist (else nothing changes); each value is persisted, then applied, so
     * listeners run after the change is durable.
     */
    public synchronized void set(Map<String, Boolean> changes) {
        for (String name : changes.keySet()) {
            flag(name);
        }
        changes.forEach((name, on) -> {
            settings.put(KEY_PREFIX + name, Boolean.toString(on));
            flags.get(name).apply(on);
        });
    }
}
