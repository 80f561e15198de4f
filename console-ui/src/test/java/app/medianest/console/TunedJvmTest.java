package app.medianest.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

    @Test
    @EnabledOnOs(OS.LINUX)
    void withTheSoftwareRendererGtkIsToldNotToLoadOpenGl() throws Throwable {
        String before = System.getProperty("prism.order");
        System.setProperty("prism.order", "sw");
        try {
            TunedJvm.withoutGtkOpenGl();
        } finally {
            if (before == null) {
                System.clearProperty("prism.order");
            } else {
                System.setProperty("prism.order", before);
            }
        }
        Linker linker = Linker.nativeLinker();
        MethodHandle getenv = linker.downcallHandle(linker.defaultLookup().find("getenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = (MemorySegment) getenv.invokeExact(arena.allocateFrom("GDK_GL"));
            assertNotEquals(0, value.address(), "GDK_GL is set in the process's own environment");
            String expected = System.getenv("GDK_GL") == null ? "disable" : System.getenv("GDK_GL");
            assertEquals(expected, value.reinterpret(64).getString(0), "GDK_GL in the process's own environment");
        }
    }
}
