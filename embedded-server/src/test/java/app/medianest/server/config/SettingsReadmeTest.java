package app.medianest.server.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The manuals' settings tables (docs/*.md) are what a new user reads: every setting the server reads is there once, with
 * its real file key and default, and the README names no variable the server does not read.
 */
class SettingsReadmeTest {

    @Test
    void theReadmeListsEverySettingOnceWithItsKeyAndDefault() throws IOException {
        Map<String, List<String[]>> rows = new HashMap<>();
        List<String> lines = new ArrayList<>();
        try (var manuals = Files.list(Path.of("..", "docs"))) {
            for (Path manual : manuals.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                lines.addAll(Files.readAllLines(manual));
            }
        }
        for (String line : lines) {
            if (line.startsWith("| `MEDIANEST_")) {
                // One variable per row, or a pair written "`A` / `B`" in each of the first three cells.
                String[] cells = line.split("\\|");
                String[] envs = cells[1].split(" / ");
                String[] keys = cells[2].split(" / ");
                String[] defaults = cells[3].split(" / ");
                for (int i = 0; i < envs.length; i++) {
                    rows.computeIfAbsent(unquote(envs[i]), k -> new ArrayList<>()).add(new String[] {
                            unquote(keys[Math.min(i, keys.length - 1)]),
                            unquote(defaults[Math.min(i, defaults.length - 1)])});
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (Setting s : SettingsCatalog.ALL) {
            List<String[]> found = rows.remove(s.env());
            if (found == null || found.size() != 1) {
                problems.add(s.env() + " is listed " + (found == null ? 0 : found.size()) + " times");
                continue;
            }
            if (!found.get(0)[0].equals(s.key())) {
                problems.add(s.env() + ": README key " + found.get(0)[0] + ", server reads " + s.key());
            }
            if (s.defaultValue() != null && !s.defaultValue().isEmpty() && !found.get(0)[1].equals(s.defaultValue())) {
                problems.add(s.env() + ": README default " + found.get(0)[1] + ", server default " + s.defaultValue());
            }
        }
        rows.keySet().forEach(env -> problems.add(env + " is in the README but the server does not read it"));
        assertEquals(List.of(), problems);
    }

    private static String unquote(String cell) {
        String t = cell.strip();
        return t.startsWith("`") && t.endsWith("`") && t.length() > 1 ? t.substring(1, t.length() - 1) : t;
    }
}
