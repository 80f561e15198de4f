package app.medianest.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merged, typed view of the configuration sources (defaults &lt; application.yaml &lt; data-directory
 * file &lt; environment). Every typed accessor validates and throws {@link ConfigException} naming the
 * setting and the bad value.
 */
public final class Settings {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private final Map<String, String> values;

    Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Settings from a plain key map, for tests and embedding. Unknown keys are kept as they are. */
    public static Settings of(Map<String, String> values) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Setting s : SettingsCatalog.ALL) {
            if (s.defaultValue() != null) {
                merged.put(s.key(), s.defaultValue());
            }
        }
        merged.putAll(values);
        return new Settings(merged);
    }

    /** All values, including derived ones. Secrets must not be printed from this map. */
    public Map<String, String> asMap() {
        return values;
    }

    public Optional<String> string(Setting s) {
        String v = values.get(s.key());
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String required(Setting s) {
        return string(s).orElseThrow(() -> new ConfigException(s.displayName() + " is required but not set"));
    }

    public int integer(Setting s, int min, int max) {
        String raw = required(s);
        try {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) {
                throw bad(s, raw, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(s, raw, "must be a whole number between " + min + " and " + max);
        }
    }

    public boolean bool(Setting s) {
        String raw = required(s).toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw bad(s, raw, "must be true or false");
        };
    }

    /** Durations are written {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 1d}; a bare number is milliseconds. */
    public Duration duration(Setting s, Duration min, Duration max) {
        String raw = required(s);
        Matcher m = DURATION.matcher(raw.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw bad(s, raw, "must be a duration such as 500ms, 30s, 2m or 1h");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw bad(s, raw, "is too large");
        }
        String unit = m.group(2) == null ? "ms" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw bad(s, raw, "must be between " + min + " and " + max);
        }
        return d;
    }

    public Path path(Setting s) {
        String raw = required(s);
        try {
            return Path.of(raw).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw bad(s, raw, "is not a valid path");
        }
    }

    /** A {@link ConfigException} in the house format: {@code SETTING (key): 'value' reason}. */
    public static ConfigException bad(Setting s, String value, String reason) {
        return new ConfigException(s.displayName() + ": '" + value + "' " + reason);
    }
}
