package app.medianest.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Loads {@link Settings} from, lowest precedence first: built-in defaults, {@code application.yaml} on the
 * class path, {@code medianest.yaml} in the data directory, and environment variables.
 */
public final class ConfigLoader {
    /** Name of the optional config file inside the data directory. */
    public static final String DATA_DIR_FILE = "medianest.yaml";

    private final Map<String, String> env;
    private final String os;
    private final String home;

    /**
     * @param env  the environment (normally {@code System.getenv()}); injected so tests can vary it
     * @param os   value of {@code os.name}
     * @param home value of {@code user.home}
     */
    public ConfigLoader(Map<String, String> env, String os, String home) {
        this.env = Map.copyOf(env);
        this.os = os;
        this.home = home;
    }

    /** A loader over the real process environment. */
    public static ConfigLoader fromSystem() {
        return new ConfigLoader(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /** Merges all sources; throws {@link ConfigException} for an unreadable config file. */
    public Settings load() {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Setting s : SettingsCatalog.ALL) {
            if (s.defaultValue() != null) {
                merged.put(s.key(), s.defaultValue());
            }
        }
        merged.putAll(flatten(Config.just(ConfigSources.classpath("application.yaml").optional())));
        Map<String, String> fromEnv = environmentValues();
        String dataDir = fromEnv.getOrDefault(SettingsCatalog.DATA_DIR.key(),
                merged.getOrDefault(SettingsCatalog.DATA_DIR.key(), defaultDataDir()));
        merged.put(SettingsCatalog.DATA_DIR.key(), dataDir);
        Path file = Path.of(dataDir).resolve(DATA_DIR_FILE);
        if (Files.isRegularFile(file)) {
            try {
                merged.putAll(flatten(Config.just(ConfigSources.file(file))));
            } catch (RuntimeException e) {
                throw new ConfigException(file + ": cannot read config file: " + e.getMessage(), e);
            }
            merged.put(SettingsCatalog.DATA_DIR.key(), dataDir);
        }
        merged.putAll(fromEnv);
        return new Settings(merged);
    }

    /** Values of every {@code MEDIANEST_*} variable, mapped to their keys; unknown variables map by convention. */
    private Map<String, String> environmentValues() {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> byEnv = new LinkedHashMap<>();
        for (Setting s : SettingsCatalog.ALL) {
            byEnv.put(s.env(), s.key());
        }
        env.forEach((name, value) -> {
            if (name.startsWith("MEDIANEST_")) {
                String key = byEnv.getOrDefault(name,
                        name.substring("MEDIANEST_".length()).toLowerCase(Locale.ROOT).replace('_', '.'));
                out.put(key, value);
            }
        });
        return out;
    }

    private static Map<String, String> flatten(Config config) {
        Map<String, String> out = new LinkedHashMap<>();
        config.traverse()
                .filter(Config::isLeaf)
                .forEach(node -> node.asString().ifPresent(v -> out.put(node.key().toString(), v)));
        return out;
    }

    /** The platform's per-user data directory: XDG on Linux, Application Support on macOS, LOCALAPPDATA on Windows. */
    String defaultDataDir() {
        String lower = os.toLowerCase(Locale.ROOT);
        if (lower.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "MediaNest").toString();
        }
        if (lower.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "MediaNest").toString();
        }
        String xdg = env.get("XDG_DATA_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : Path.of(home, ".local", "share").toString(),
                "medianest").toString();
    }
}
