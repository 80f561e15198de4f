package app.medianest.server.launch;

import app.medianest.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plain start of the server runs with a bounded heap, in one process; an explicit heap setting is kept. */
class TunedExecTest {
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @TempDir
    Path dataDir;

    @Test
    void anUntunedJvmGetsTheTunedOptionsBeforeItsOwn() {
        List<String> cmd = TunedExec.command(TunedExec.SERVER_OPTIONS, List.of("-Dx=1"), JAVA_HOME, "a.jar",
                "app.Main", new String[] {"serve"}, Map.of()).orElseThrow();
        assertEquals(JAVA_HOME.resolve("bin/java").toString(), cmd.getFirst());
        assertTrue(cmd.containsAll(TunedExec.SERVER_OPTIONS), cmd.toString());
        assertTrue(cmd.indexOf("-Xmx96m") < cmd.indexOf("-Dx=1"), "the user's own options come later and win");
        assertEquals(List.of(TunedExec.MARK, "-Dx=1", "-cp", "a.jar", "app.Main", "serve"),
                cmd.subList(cmd.size() - 6, cmd.size()));
    }

    @Test
    void anExplicitHeapAnAotRunTheMarkOrAsIsKeepTheJvm() {
        for (String given : List.of("-Xmx1g", "-XX:MaxRAMPercentage=10", "-XX:MaxHeapSize=200m",
                "-XX:AOTMode=record", TunedExec.MARK)) {
            assertTrue(TunedExec.command(TunedExec.SERVER_OPTIONS, List.of(given), JAVA_HOME, "a.jar", "app.Main",
                    new String[0], Map.of()).isEmpty(), given);
        }
        assertTrue(TunedExec.command(TunedExec.SERVER_OPTIONS, List.of(), JAVA_HOME, "a.jar", "app.Main",
                new String[0], Map.of(TunedExec.ENV, "as-is")).isEmpty());
    }

    @Test
    void theManualAndTheInstalledLauncherCarryExactlyTheseOptions() throws Exception {
        String options = String.join(" ", TunedExec.SERVER_OPTIONS);
        String manual = Files.readString(Path.of("..", "docs", "performance.md"));
        assertTrue(manual.contains("\n`" + options + "`\n"), "docs/performance.md prints " + options);
        Properties launcher = new Properties();
        try (var in = Files.newBufferedReader(Path.of("..", "installer", "src", "packaging",
                "server-launcher.properties"))) {
            launcher.load(in);
        }
        assertEquals(options, launcher.getProperty("java-options"), "the installed medianest-server launcher");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void plainStartServesFromOneProcessWithTheBoundedHeap() throws Exception {
        Map<String, String> env = Map.of("MEDIANEST_DATA_DIR", dataDir.toString(), "MEDIANEST_HOST", "127.0.0.1",
                "MEDIANEST_PORT", "0");
        try (ServerProcess p = ServerProcess.start(List.of(), env)) {
            int port = p.awaitPort(Duration.ofSeconds(120));
            String cmdline = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
            assertTrue(cmdline.contains("-Xmx96m") && cmdline.contains(TunedExec.MARK),
                    "the started process itself runs the tuned JVM: " + cmdline);
            assertTrue(ProcessHandle.of(p.pid()).orElseThrow().children().findAny().isEmpty(), "no child JVM");
            String environ = Files.readString(Path.of("/proc/" + p.pid() + "/environ"));
            assertTrue(environ.contains("MALLOC_ARENA_MAX=2"), "fewer C heap arenas");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            p.terminate();
            int code = p.awaitExit(Duration.ofSeconds(60));
            assertTrue(code == 0 || code == 143, "exit code " + code);
            assertTrue(p.stdout().stream().anyMatch(l -> l.contains("MediaNest stopped")),
                    "SIGTERM reached the server itself and it stopped cleanly: " + p.stdout());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anExplicitHeapIsKept() throws Exception {
        Map<String, String> env = Map.of("MEDIANEST_DATA_DIR", dataDir.toString(), "MEDIANEST_HOST", "127.0.0.1",
                "MEDIANEST_PORT", "0");
        try (ServerProcess p = ServerProcess.start(List.of("-Xmx200m"), env)) {
            p.awaitPort(Duration.ofSeconds(120));
            String cmdline = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
            assertTrue(cmdline.contains("-Xmx200m"), cmdline);
            assertFalse(cmdline.contains(TunedExec.MARK), cmdline);
        }
    }
}
