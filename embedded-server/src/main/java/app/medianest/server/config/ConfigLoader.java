package app.medianest.server.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream("application.yaml")) {
            if (in != null) {
                merged.putAll(flattenYaml(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> fromEnv = environmentValues();
        String dataDir = fromEnv.getOrDefault(SettingsCatalog.DATA_DIR.key(),
                merged.getOrDefault(SettingsCatalog.DATA_DIR.key(), defaultDataDir()));
        merged.put(SettingsCatalog.DATA_DIR.key(), dataDir);
        Path file = Path.of(dataDir).resolve(DATA_DIR_FILE);
        if (Files.isRegularFile(file)) {
            try {
                try (InputStream in = Files.newInputStream(file)) {
                    merged.putAll(flattenYaml(in));
                }
            } catch (IOException | RuntimeException e) {
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

    /**
     * A YAML document as dotted keys ({@code server: {port: 4000}} is {@code server.port=4000}; list items are
     * {@code key.0}, {@code key.1}, ...). Every scalar stays the text it was written as (no implicit types, so
     * {@code 30s}, {@code 010} and {@code 2026-01-01} arrive unchanged); empty values are left out. Read with
     * SnakeYAML's safe constructor: no tags, no objects.
     */
    static Map<String, String> flattenYaml(InputStream in) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Resolver plainStrings = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // none: every plain scalar is a string
            }
        };
        Object root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, plainStrings).load(in);
        Map<String, String> out = new LinkedHashMap<>();
        if (root == null) {
            return out;
        }
        if (!(root instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected \"key: value\" lines at the top level");
        }
        flatten("", root, out);
        return out;
    }

    private static void flatten(String key, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(key.isEmpty() ? String.valueOf(k) : key + "." + k, v, out));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(key + "." + i, list.get(i), out);
            }
        } else if (node != null && !String.valueOf(node).isEmpty()) {
            out.put(key, String.valueOf(node));
        }
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
