package app.medianest.console;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plain {@code java -jar} of the console, the installed launcher and the manual run with the same options. */
class TunedJvmTest {
    @Test
    void theInstalledLauncherAndTheManualCarryExactlyTheseOptions() throws Exception {
        List<String> launcher = Files.readAllLines(Path.of("..", "installer", "src", "packaging",
                "launcher-jvm-options")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals(TunedJvm.OPTIONS, launcher, "installer/src/packaging/launcher-jvm-options");
        String manual = Files.readString(Path.of("..", "docs", "console.md"));
        String options = String.join(" ", TunedJvm.OPTIONS);
        assertTrue(manual.contains("`" + options + "`"), "docs/console.md prints " + options);
    }
}
