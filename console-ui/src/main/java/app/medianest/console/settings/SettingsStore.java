package app.medianest.console.settings;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes {@code <data dir>/medianest.yaml}, the file the server reads at every start (above the
 * built-in defaults, below environment variables). Only the keys the console edits change; everything else in
 * the file is kept. The file is made owner-only, as it may hold the database password.
 */
public final class SettingsStore {
    private final Path file;

    public SettingsStore(Path dataDir) {
        this.file = dataDir.resolve("medianest.yaml");
    }

    public Path file() {
        return file;
    }

    /** The file's values as dotted keys ({@code server.port}), empty when there is no file. */
    public Map<String, String> read() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            Object root = new Yaml().load(Files.readString(file));
            flatten("", root, out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Sets {@code changes} (dotted keys; a null value removes the key) and writes the file. */
    public void write(Map<String, String> changes) {
        Map<String, String> all = read();
        changes.forEach((k, v) -> {
            if (v == null) {
                all.remove(k);
            } else {
                all.put(k, v);
            }
        });
        Map<String, Object> tree = new LinkedHashMap<>();
        all.forEach((k, v) -> put(tree, k.split("\\."), 0, v));
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String text = "# MediaNest settings written by the console; environment variables override these.\n"
                + new Yaml(o).dump(tree);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".medianest", ".yaml");
            Files.writeString(tmp, text);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the per-user data directory is already private.
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String[] path, int i, String value) {
        if (i == path.length - 1) {
            tree.put(path[i], value);
            return;
        }
        Object child = tree.get(path[i]);
        if (!(child instanceof Map)) {
            child = new LinkedHashMap<String, Object>();
            tree.put(path[i], child);
        }
        put((Map<String, Object>) child, path, i + 1, value);
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node != null && !prefix.isEmpty()) {
            out.put(prefix, String.valueOf(node));
        }
    }
}
